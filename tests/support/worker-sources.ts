/**
 * The Worker's source files as text, and the imports between them, for the tests that hold the
 * code's shape: what loads at startup (cold-start), what the record's logic may reach
 * (record-purity), and the layers and cycles (import-graph). One reading of imports for all three.
 */

// Vite's import.meta.glob, typed for this file only (vite/client's types clash with the Worker's *.woff).
declare global {
  interface ImportMeta {
    glob<T>(pattern: string, options: { query: "?raw"; import: "default"; eager: true }): Record<string, T>;
  }
}

/** Every worker/**\/*.ts file's text, keyed "worker/…". */
export const workerSources: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(import.meta.glob<string>("../../worker/**/*.ts", { query: "?raw", import: "default", eager: true })).map(
    ([path, text]) => [path.replace(/^(\.\.\/)+/, ""), text],
  ),
);

export interface ImportKinds {
  /** `import type …` and `export type … from`: they tie two files' designs, not their loading. */
  types: boolean;
  /** `import("…")`: how a file loads heavy code late. */
  dynamic: boolean;
}

/** The specifiers a file imports or re-exports, of the kinds asked for. */
export function importsOf(text: string, kinds: ImportKinds): string[] {
  const fromClause = kinds.types
    ? /^\s*(?:import|export)\s[^;'"]*?\bfrom\s+["']([^"']+)["']/gm
    : /^\s*(?:import|export)\s+(?!type\b)(?![(])[^;'"]*?\bfrom\s+["']([^"']+)["']/gm;
  const patterns = [fromClause, /^\s*import\s+["']([^"']+)["']/gm];
  if (kinds.dynamic) patterns.push(/\bimport\(\s*["']([^"']+)["']\s*\)/g);
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1]!));
}

/** The worker file a relative specifier names ("worker/rooms/stubs.ts"), or the package name as written. */
export function resolveImport(from: string, specifier: string): string {
  if (!specifier.startsWith(".")) return specifier;
  const parts = from.split("/").slice(0, -1);
  for (const part of specifier.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== ".") parts.push(part);
  }
  const path = parts.join("/");
  for (const candidate of [path, `${path}.ts`, `${path}/index.ts`]) if (workerSources[candidate] !== undefined) return candidate;
  return path;
}

/** Everything `start` reaches through imports of these kinds, each with the file that imports it. */
export function reachedFrom(start: string, kinds: ImportKinds): Map<string, string> {
  const reached = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.pop()!;
    for (const specifier of importsOf(workerSources[file] ?? "", kinds)) {
      const target = resolveImport(file, specifier);
      if (reached.has(target) || target === start) continue;
      reached.set(target, file);
      if (workerSources[target] !== undefined) queue.push(target);
    }
  }
  return reached;
}
