/**
 * Transcript PDFs are made one at a time in an isolate.
 *
 * fontkit (inside pdf-lib) carries its own copy of `process.nextTick`: one queue for the whole
 * isolate, drained by a timer that belongs to whichever object queued first. workerd runs many
 * Durable Objects in one isolate, and when two sealed at once the second one's font streams
 * finished inside the first one's I/O context: its next storage call was refused ("Cannot
 * perform I/O on behalf of a different Durable Object"), and had the first been cancelled, it
 * would have waited forever. That, not telling the sides before sealing, is why sealing once
 * failed when a chat ended; it shows in tests, where several chats seal in one isolate.
 *
 * A render waiting for its turn polls with its own timers: it never awaits a promise that
 * another object would settle, which would carry it into that object's context the same way.
 */
const POLL_MS = 10;
/** A render still not finished after this long belongs to an object that has gone. */
const ABANDONED_MS = 60_000;

let current: { since: number } | null = null;

export async function inPdfTurn<T>(render: () => Promise<T>): Promise<T> {
  while (current && performance.now() - current.since < ABANDONED_MS) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const mine = { since: performance.now() };
  current = mine;
  try {
    return await render();
  } finally {
    if (current === mine) current = null;
  }
}
