/**
 * What people read for the codes a record stores: outcomes, how a chat ended, risk gradings and
 * DASH answers. The sealed transcript's PDF (in the Worker) and every staff page (through
 * app/lib/staff-labels.ts) use these, so a thing is called the same on screen and on paper.
 * Languages are named in ./language-names.ts.
 */
import type { AssessmentAnswer, AssessmentGrade } from "./protocol/http.ts";
import type { EndReason, OutcomeKind } from "./protocol/conversation.ts";

export const OUTCOMES: readonly { value: OutcomeKind; label: string }[] = [
  { value: "advice-given", label: "Advice given" },
  { value: "crime-recorded", label: "Crime recorded" },
  { value: "referral-made", label: "Referral made" },
  { value: "emergency-response", label: "Emergency response sent" },
  { value: "victim-left", label: "Victim left" },
  { value: "other", label: "Other" },
];

/** A code the list does not know (from a newer version, say) is shown as stored, never hidden. */
export const outcomeLabel = (value: string | null): string =>
  value === null ? "Not recorded" : (OUTCOMES.find((o) => o.value === value)?.label ?? value);

/** Lowest first. */
export const GRADES: readonly { value: AssessmentGrade; label: string }[] = [
  { value: "standard", label: "Standard" },
  { value: "medium", label: "Medium" },
  { value: "high", label: "High" },
];

export const gradeLabel = (value: string | null): string =>
  value === null ? "Not assessed" : (GRADES.find((g) => g.value === value)?.label ?? value);

const END_REASONS: Readonly<Record<EndReason, string>> = {
  "victim-ended": "Victim ended the chat",
  "officer-ended": "Officer ended the chat",
  inactive: "Closed after the victim stopped answering",
  abandoned: "Victim left before an officer joined",
  "quick-exit": "Victim used Quick exit",
  "left-quietly": "Victim left quietly",
  "ended-as-abusive": "Ended as abusive",
};

export const endReasonLabel = (value: string | null): string =>
  value === null ? "Not recorded" : (Object.hasOwn(END_REASONS, value) ? END_REASONS[value as EndReason] : value);

const ANSWERS: Readonly<Record<AssessmentAnswer, string>> = { yes: "Yes", no: "No", "not-known": "Not known" };

/** A DASH answer; "Not asked" for a question nobody answered (or whose answer was cleared). */
export const answerLabel = (value: AssessmentAnswer | null): string => (value === null ? "Not asked" : ANSWERS[value]);
