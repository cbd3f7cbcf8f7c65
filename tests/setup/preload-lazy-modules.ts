/**
 * The Worker loads two things on first use, not at startup (BENCHMARKS.md, "Cold start"): the
 * PDF renderer when a record is first sealed, franc on the first Ethiopic message. Deployed, those
 * dynamic imports are part of the bundle and resolve without I/O. In this test pool every
 * `import()` is a request to the runner, even for a module already loaded, and one asked for by
 * two objects at once is shared and belongs to the first: the second then goes on inside the
 * first one's I/O and is refused ("Cannot perform I/O on behalf of a different Durable Object"),
 * or waits forever if that request was cancelled. So the seal keeps the renderer once loaded
 * (archive/seal.ts), and it is loaded here, before any object runs, as production has it at hand.
 */
import { loadPdfRenderer } from "../../worker/archive/seal";

await loadPdfRenderer();
await import("franc");
