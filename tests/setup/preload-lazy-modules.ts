/**
 * The Worker loads two things on first use, not at startup (BENCHMARKS.md, "Cold start"): the
 * PDF renderer when a record is first sealed, franc on the first Ethiopic message. Deployed, those
 * dynamic imports are part of the bundle and resolve without I/O. In this test pool a module is
 * fetched from the runner over I/O that belongs to whichever request asked first, so a Durable
 * Object awaiting a load another object began fails ("Cannot perform I/O on behalf of a different
 * Durable Object") or waits forever if that request was cancelled. Loading them here, before any
 * object runs, makes the tests see what production sees.
 */
await import("../../worker/transcripts/pdf/render");
await import("franc");
export {};
