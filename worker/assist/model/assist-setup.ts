/**
 * Whether this deployment lets the officer ask a model for drafts, from ASSIST_PROVIDER:
 *   "off"         the default: nothing is sent to any model (risk cues still work: they need none)
 *   "workers-ai"  Workers AI through the AI binding
 * The same privacy line as translation: the victim's words go to a model only when the
 * deployment turned it on. There is no test setting: tests hand a stand-in runner to the code
 * that takes one, so nothing a configuration says can switch a stand-in on.
 */
import type { AiRunner } from "../../translation/workers-ai";

export type AssistSetup = { on: true; runner: AiRunner } | { on: false; reason: string };

export function assistSetup(env: { ASSIST_PROVIDER?: string; AI?: unknown }): AssistSetup {
  const wanted = env.ASSIST_PROVIDER ?? "off";
  if (wanted === "off") return { on: false, reason: "Drafting is turned off for this service." };
  if (wanted !== "workers-ai") return { on: false, reason: `ASSIST_PROVIDER "${wanted}" is not a provider (use workers-ai or off).` };
  if (!env.AI || typeof (env.AI as AiRunner).run !== "function") return { on: false, reason: "Drafting needs Workers AI, and the AI binding is missing." };
  return { on: true, runner: env.AI as AiRunner };
}
