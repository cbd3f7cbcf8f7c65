/** What an officer writes into a live chat's record through the API: notes and the outcome. */
import type { Outcome, OutcomeRequest } from "../../shared/protocol";

/** What an officer's write into a live chat's record gave: the stored value, or why not (ended: add it to the sealed record instead). */
export type RecordWrite<T> = { ok: true; value: T } | { ok: false; code: "conversation-ended" | "not-allowed" };

/** The outcome an officer recorded, as the record keeps it: empty fields become null. */
export function outcomeOf(request: OutcomeRequest, officerId: string, at: number): Outcome {
  return {
    outcome: request.outcome,
    crimeReference: request.crimeReference || null,
    detail: request.detail || null,
    officerId,
    at,
  };
}
