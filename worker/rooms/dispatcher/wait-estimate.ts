/**
 * How long a waiting victim should expect to wait, from how fast chats have been accepted
 * in the last hour. It says "no estimate" rather than guess when nobody is on duty or nothing
 * has been accepted lately: an honest "we don't know" beats a made-up number.
 */
export const ESTIMATE_WINDOW_MS = 60 * 60_000;
const ROUND_TO_MS = 60_000;
const LONGEST_ESTIMATE_MS = 4 * 60 * 60_000;

export interface QueueCapacity {
  /** Officers signed in and available or busy. */
  officersOnDuty: number;
  /** Chats that available officers could take right now without going over capacity. */
  freeSlots: number;
  /** Times (ms) at which chats were accepted within the last ESTIMATE_WINDOW_MS. */
  recentAccepts: number[];
}

export function estimateWait(position: number, capacity: QueueCapacity): number | null {
  if (capacity.officersOnDuty === 0) return null;
  if (capacity.freeSlots >= position) return ROUND_TO_MS;
  if (capacity.recentAccepts.length === 0) return null;
  const perChat = ESTIMATE_WINDOW_MS / capacity.recentAccepts.length;
  const ahead = position - capacity.freeSlots;
  const estimate = Math.ceil((ahead * perChat) / ROUND_TO_MS) * ROUND_TO_MS;
  return Math.min(estimate, LONGEST_ESTIMATE_MS);
}
