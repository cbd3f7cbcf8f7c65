/**
 * The Worker's modules form layers, and a change in one should not ripple round a loop: no file
 * under worker/ may reach itself through its imports (type-only imports count: they still tie
 * the two files' designs together), and the D1 layer (worker/db/) imports only itself and the
 * shared protocol, never the services built on it. Dynamic `import()` is not followed; it is
 * how a file loads heavy code late, not how layers depend on each other.
 */
import { describe, expect, it } from "vitest";
import { importsOf, resolveImport, workerSources } from "../support/worker-sources";

/**
 * Cycles that exist today outside the change that added this test, each as its files in sorted
 * order: to be removed, never added to.
 */
const KNOWN_CYCLES: string[][] = [];

/** Each worker file and the worker files it imports, type-only imports included, import() not. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const [file, text] of Object.entries(workerSources)) {
    const targets = importsOf(text, { types: true, dynamic: false })
      .filter((specifier) => specifier.startsWith("."))
      .map((specifier) => resolveImport(file, specifier))
      .filter((target) => workerSources[target] !== undefined);
    graph.set(file, [...new Set(targets)]);
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
