/**
 * The record's logic is pure: worker/transcripts/ (the chain, the sealed document, verification,
 * the PDF) works on entries alone, so `npm run verify` can run it under Node and anyone can
 * check a transcript without the service. Taking a record out of a Durable Object (D1 copies,
 * R2 writes, sealing) is worker/archive/'s job. This follows every import from every file under
 * worker/transcripts/, types and dynamic imports included, to everything it reaches.
 */
import { describe, expect, it } from "vitest";

// Vite's import.meta.glob, typed for this file only (vite/client's types clash with the Worker's *.woff).
declare global {
  interface ImportMeta {
    glob<T>(pattern: string, options: { query: "?raw"; import: "default"; eager: true }): Record<string, T>;
  }
}

const sources = import.meta.glob<string>("../../worker/**/*.ts", { query: "?raw", import: "default", eager: true });
const WORKER = "../../worker/";

/** What the record's logic must never reach: the Durable Objects, storage, and the HTTP layer. */
const FORBIDDEN_FOLDERS = ["rooms/", "archive/", "db/", "routes/", "records/", "auth/"].map((folder) => WORKER + folder);
const FORBIDDEN_PACKAGES = ["cloudflare:workers", "partyserver", "drizzle-orm"];

/** Every specifier a file imports or re-exports: values, types and dynamic imports alike. */
function importsOf(text: string): string[] {
  const patterns = [
    /^\s*(?:import|export)\s[^;]*?\bfrom\s+["']([^"']+)["']/gm,
    /^\s*import\s+["']([^"']+)["']/gm,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1]!));
}

function resolve(from: string, specifier: string): string {
  if (!specifier.startsWith(".")) return specifier;
  const parts = from.split("/").slice(0, -1);
  for (const part of specifier.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== ".") parts.push(part);
  }
  const path = parts.join("/");
  for (const candidate of [path, `${path}.ts`, `${path}/index.ts`]) if (sources[candidate] !== undefined) return candidate;
  return path;
}

/** Everything `start` reaches through its imports, each with the file that imports it. */
function reachedFrom(start: string): Map<string, string> {
  const reached = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.pop()!;
    for (const specifier of importsOf(sources[file] ?? "")) {
      const target = resolve(file, specifier);
      if (reached.has(target) || target === start) continue;
      reached.set(target, file);
      if (sources[target] !== undefined) queue.push(target);
    }
  }
  return reached;
}

const forbidden = (target: string) =>
  FORBIDDEN_FOLDERS.some((folder) => target.startsWith(folder)) ||
  FORBIDDEN_PACKAGES.some((pkg) => target === pkg || target.startsWith(`${pkg}/`));

/** "transcripts/seal.ts → rooms/conversation-store.ts (imported by transcripts/seal.ts)" for each forbidden reach. */
function forbiddenReaches(files: string[]): string[] {
  const short = (path: string) => path.replace(WORKER, "");
  return files.flatMap((file) =>
    [...reachedFrom(file)]
      .filter(([target]) => forbidden(target))
      .map(([target, by]) => `${short(file)} → ${short(target)} (imported by ${short(by)})`),
  );
}

describe("the record's logic (worker/transcripts/)", () => {
  const recordFiles = Object.keys(sources).filter((path) => path.startsWith(`${WORKER}transcripts/`));

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
    const reached = reachedFrom(`${WORKER}archive/seal.ts`);
    expect(reached.has(`${WORKER}transcripts/document.ts`)).toBe(true);
    expect(forbiddenReaches([`${WORKER}archive/seal.ts`])).toContain("archive/seal.ts → db/client.ts (imported by archive/seal.ts)");
  });
});
