/**
 * The DASH high-risk indicators that risk cues look for in what a victim writes, each with the
 * DASH question it bears on (worker/assessment/dash.ts). A cue only ever suggests "possible yes"
 * on that question; the officer answers it.
 *
 * **Immediate-danger indicators raise a waiting chat's place in the queue.** They are the ones
 * College of Policing guidance treats as predictors of homicide: threats to kill, weapons,
 * strangulation, and children threatened.
 */
export const INDICATORS = {
  "threat-to-kill": { name: "threat to kill", question: "threat-to-kill", immediate: true },
  weapon: { name: "weapon", question: "weapons", immediate: true },
  strangulation: { name: "strangulation or choking", question: "strangled", immediate: true },
  "children-threatened": { name: "children threatened", question: "children-threatened", immediate: true },
  "children-hurt": { name: "children hurt", question: "children-hurt", immediate: false },
  pregnancy: { name: "pregnancy or a new baby", question: "pregnancy", immediate: false },
  separation: { name: "separation", question: "separation", immediate: false },
  escalation: { name: "escalation", question: "getting-worse", immediate: false },
  stalking: { name: "stalking", question: "constant-contact", immediate: false },
  "sexual-violence": { name: "sexual violence", question: "sexual", immediate: false },
  isolation: { name: "isolation", question: "isolated", immediate: false },
  control: { name: "control", question: "controlling", immediate: false },
  "suicidal-thoughts": { name: "suicidal thoughts", question: "depressed", immediate: false },
  "honour-based": { name: "honour-based threats", question: "family-pressure", immediate: false },
} as const satisfies Record<string, { name: string; question: string; immediate: boolean }>;

export type IndicatorId = keyof typeof INDICATORS;

export const INDICATOR_IDS = Object.keys(INDICATORS) as IndicatorId[];
