/**
 * The record's logic is pure: worker/transcripts/ (the chain, the sealed document, verification,
 * the PDF) works on entries alone, so `npm run verify` can run it under Node and anyone can
 * check a transcript without the service. Taking a record out of a Durable Object (D1 copies,
 * R2 writes, sealing) is worker/archive/'s job. This follows every import from every file under
 * worker/transcripts/, types and dynamic imports included, to everything it reaches.
 */
import { describe, expect, it } from "vitest";
import { reachedFrom, workerSources } from "../support/worker-sources";

const WORKER = "worker/";
/** Types and dynamic imports too: the record's logic must not depend on these in any way. */
const EVERY_IMPORT = { types: true, dynamic: true };

/** What the record's logic must never reach: the Durable Objects, storage, and the HTTP layer. */
const FORBIDDEN_FOLDERS = ["rooms/", "archive/", "db/", "routes/", "records/", "auth/"].map((folder) => WORKER + folder);
const FORBIDDEN_PACKAGES = ["cloudflare:workers", "partyserver", "drizzle-orm"];

const forbidden = (target: string) =>
  FORBIDDEN_FOLDERS.some((folder) => target.startsWith(folder)) ||
  FORBIDDEN_PACKAGES.some((pkg) => target === pkg || target.startsWith(`${pkg}/`));

/** "transcripts/seal.ts → rooms/conversation-store.ts (imported by transcripts/seal.ts)" for each forbidden reach. */
function forbiddenReaches(files: string[]): string[] {
  const short = (path: string) => path.replace(WORKER, "");
  return files.flatMap((file) =>
    [...reachedFrom(file, EVERY_IMPORT)]
      .filter(([target]) => forbidden(target))
      .map(([target, by]) => `${short(file)} → ${short(target)} (imported by ${short(by)})`),
  );
}

describe("the record's logic (worker/transcripts/)", () => {
  const recordFiles = Object.keys(workerSources).filter((path) => path.startsWith(`${WORKER}transcripts/`));

  it("reaches no Durable Object, storage or route, however indirectly", () => {
    // The walk covers the chain, the document, verification and the PDF…
    expect(recordFiles).toEqual(
      expect.arrayContaining([
        `${WORKER}transcripts/chain.ts`,
        `${WORKER}transcripts/document.ts`,
        `${WORKER}transcripts/verify.ts`,
        `${WORKER}transcripts/pdf/render.ts`,
      ]),
    );
    expect(forbiddenReaches(recordFiles)).toEqual([]);
  });

  it("is what archiving builds on, and the walk would see archiving's storage if the record reached it", () => {
    const reached = reachedFrom(`${WORKER}archive/seal.ts`, EVERY_IMPORT);
    expect(reached.has(`${WORKER}transcripts/document.ts`)).toBe(true);
    expect(forbiddenReaches([`${WORKER}archive/seal.ts`])).toContain("archive/seal.ts → db/client.ts (imported by archive/seal.ts)");
  });
});
