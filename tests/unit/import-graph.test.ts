/**
 * The Worker's modules form layers, and a change in one should not ripple round a loop: no file
 * under worker/ may reach itself through its imports (type-only imports count: they still tie
 * the two files' designs together), and the D1 layer (worker/db/) imports only itself and the
 * shared protocol, never the services built on it. Dynamic `import()` is not followed; it is
 * how a file loads heavy code late, not how layers depend on each other.
 */
import { describe, expect, it } from "vitest";

// Vite's import.meta.glob, typed for this file only (vite/client's types clash with the Worker's *.woff).
declare global {
  interface ImportMeta {
    glob<T>(pattern: string, options: { query: "?raw"; import: "default"; eager: true }): Record<string, T>;
  }
}

const sources = import.meta.glob<string>("../../worker/**/*.ts", { query: "?raw", import: "default", eager: true });
const PREFIX = "../../";

/**
 * Cycles that exist today outside the change that added this test, each as its files in sorted
 * order: to be removed, never added to.
 */
const KNOWN_CYCLES: string[][] = [];

/** Relative specifiers of a file's static imports and re-exports, type-only ones included. */
function relativeImports(text: string): string[] {
  const found: string[] = [];
  const patterns = [/^\s*(?:import|export)\s[^;'"]*?\bfrom\s+["'](\.[^"']*)["']/gm, /^\s*import\s+["'](\.[^"']*)["']/gm];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.push(match[1]!);
  return found;
}

function resolve(from: string, specifier: string): string | null {
  const parts = from.split("/").slice(0, -1);
  for (const part of specifier.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== ".") parts.push(part);
  }
  const path = parts.join("/");
  for (const candidate of [path, `${path}.ts`, `${path}/index.ts`]) if (sources[candidate] !== undefined) return candidate;
  return null;
}

/** Each worker file (as worker/…) and the worker files it imports. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const [file, text] of Object.entries(sources)) {
    const targets = relativeImports(text).flatMap((specifier) => resolve(file, specifier) ?? []);
    graph.set(file.slice(PREFIX.length), [...new Set(targets.map((target) => target.slice(PREFIX.length)))]);
  }
  return graph;
}

/** The groups of files that reach each other through imports (Tarjan's strongly connected components). */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const lowest = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (file: string) => {
    index.set(file, counter);
    lowest.set(file, counter++);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        lowest.set(file, Math.min(lowest.get(file)!, lowest.get(target)!));
      } else if (onStack.has(target)) {
        lowest.set(file, Math.min(lowest.get(file)!, index.get(target)!));
      }
    }
    if (lowest.get(file) !== index.get(file)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    if (group.length > 1 || graph.get(file)?.includes(file)) found.push(group.sort());
  };
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) visit(file);
  return found.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

describe("the Worker's imports", () => {
  it("form no cycle: no file reaches itself through what it imports", () => {
    const graph = importGraph();
    // The walk sees type-only imports and re-exports, so it would see a cycle through either.
    expect(graph.get("worker/index.ts")).toContain("worker/rooms/conversation/conversation.ts");
    expect(graph.get("worker/rooms/conversation/admission.ts")).toContain("worker/rooms/conversation/conversation-store.ts");
    expect(cycles(new Map([["a.ts", ["b.ts"]], ["b.ts", ["a.ts"]]]))).toEqual([["a.ts", "b.ts"]]);

    expect(cycles(graph)).toEqual(KNOWN_CYCLES);
  });

  it("keep the D1 layer at the bottom: worker/db/ imports only itself and the shared protocol", () => {
    const upward = [...importGraph()]
      .filter(([file]) => file.startsWith("worker/db/"))
      .flatMap(([file, targets]) =>
        targets.filter((target) => !target.startsWith("worker/db/") && !target.startsWith("worker/shared/")).map((target) => `${file} → ${target}`),
      );
    expect(upward).toEqual([]);
  });
});
