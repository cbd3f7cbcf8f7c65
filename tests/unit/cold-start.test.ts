/**
 * Cold starts stay cheap: the PDF libraries (pdf-lib, fontkit, pako) cost most of the Worker's
 * startup CPU when evaluated, and only sealing needs them (BENCHMARKS.md, "Cold start"). They
 * must be reached only through the dynamic import in worker/archive/seal.ts, never by a
 * static import from anything the Worker loads at startup. This follows the static imports from
 * worker/index.ts through the sources, as the bundler does.
 */
import { describe, expect, it } from "vitest";

// Vite's import.meta.glob, typed for this file only (vite/client's types clash with the Worker's *.woff).
declare global {
  interface ImportMeta {
    glob<T>(pattern: string, options: { query: "?raw"; import: "default"; eager: true }): Record<string, T>;
  }
}

const sources = import.meta.glob<string>("../../worker/**/*.ts", { query: "?raw", import: "default", eager: true });
const ENTRY = "../../worker/index.ts";
const PDF_PACKAGES = ["pdf-lib", "@pdf-lib/fontkit", "pako", "regenerator-runtime"];
/** franc builds its tables for 187 languages when loaded: about 30 ms of startup CPU. */
const LAZY_LANGUAGE_PACKAGES = ["franc"];

/** Specifiers of a file's static imports and re-exports that survive compilation (not `import type`). */
function staticImports(text: string): string[] {
  const found: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\s+(?!type\b)(?![(])[^;'"]*?\bfrom\s+["']([^"']+)["']/gm,
    /^\s*import\s+["']([^"']+)["']/gm,
  ];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.push(match[1]!);
  return found;
}

function resolve(from: string, specifier: string): string {
  if (!specifier.startsWith(".")) return specifier;
  const parts = from.split("/").slice(0, -1);
  for (const part of specifier.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== ".") parts.push(part);
  }
  const path = parts.join("/");
  if (sources[path] !== undefined) return path;
  if (sources[`${path}.ts`] !== undefined) return `${path}.ts`;
  return sources[`${path}/index.ts`] !== undefined ? `${path}/index.ts` : path;
}

/** Every file and package the Worker loads when it starts. */
function loadedAtStartup(): Set<string> {
  const seen = new Set<string>([ENTRY]);
  const queue = [ENTRY];
  while (queue.length > 0) {
    const file = queue.pop()!;
    for (const specifier of staticImports(sources[file] ?? "")) {
      const target = resolve(file, specifier);
      if (seen.has(target)) continue;
      seen.add(target);
      if (sources[target] !== undefined) queue.push(target);
    }
  }
  return seen;
}

describe("the Worker's startup", () => {
  it("loads sealing but not the PDF code or its libraries, which load on the first seal", () => {
    const loaded = loadedAtStartup();
    // The walk reaches sealing, and would see the libraries if the PDF code were reached.
    expect(loaded).toContain("../../worker/archive/seal.ts");
    expect(staticImports(sources["../../worker/transcripts/pdf/render.ts"]!)).toContain("pdf-lib");

    const pdfCode = [...loaded].filter((path) => /\/transcripts\/pdf\//.test(path));
    const pdfPackages = [...loaded].filter((name) => PDF_PACKAGES.some((pkg) => name === pkg || name.startsWith(`${pkg}/`)));
    expect({ pdfCode, pdfPackages }).toEqual({ pdfCode: [], pdfPackages: [] });
  });

  it("loads language identification but not franc, which loads on the first Ethiopic message", () => {
    const loaded = loadedAtStartup();
    // The walk reaches the reading of languages (fastText's glue costs next to nothing at startup)…
    expect(loaded).toContain("../../worker/translation/identify/ethiopic.ts");
    expect(loaded).toContain("fasttext.wasm.js/dist/core/fastText.common.js");
    // …and would see franc if ethiopic.ts imported it statically.
    const packages = [...loaded].filter((name) => LAZY_LANGUAGE_PACKAGES.some((pkg) => name === pkg || name.startsWith(`${pkg}/`)));
    expect(packages).toEqual([]);
  });
});
