/**
 * Cold starts stay cheap: the PDF libraries (pdf-lib, fontkit, pako) cost most of the Worker's
 * startup CPU when evaluated, and only sealing needs them (BENCHMARKS.md, "Cold start"). They
 * must be reached only through the dynamic import in worker/archive/seal.ts, never by a
 * static import from anything the Worker loads at startup. This follows the static imports from
 * worker/index.ts through the sources, as the bundler does.
 */
import { describe, expect, it } from "vitest";
import { importsOf, reachedFrom, workerSources } from "../support/worker-sources";

const ENTRY = "worker/index.ts";
const PDF_PACKAGES = ["pdf-lib", "@pdf-lib/fontkit", "pako", "regenerator-runtime"];
/** franc builds its tables for 187 languages when loaded: about 30 ms of startup CPU. */
const LAZY_LANGUAGE_PACKAGES = ["franc"];
/** What the bundler evaluates at startup: static imports of values, not types, not import(). */
const STARTUP = { types: false, dynamic: false };

/** Every file and package the Worker loads when it starts. */
function loadedAtStartup(): Set<string> {
  return new Set([ENTRY, ...reachedFrom(ENTRY, STARTUP).keys()]);
}


describe("the Worker's startup", () => {
  it("loads sealing but not the PDF code or its libraries, which load on the first seal", () => {
    const loaded = loadedAtStartup();
    // The walk reaches sealing, and would see the libraries if the PDF code were reached.
    expect(loaded).toContain("worker/archive/seal.ts");
    expect(importsOf(workerSources["worker/transcripts/pdf/render.ts"]!, STARTUP)).toContain("pdf-lib");

    const pdfCode = [...loaded].filter((path) => /\/transcripts\/pdf\//.test(path));
    const pdfPackages = [...loaded].filter((name) => PDF_PACKAGES.some((pkg) => name === pkg || name.startsWith(`${pkg}/`)));
    expect({ pdfCode, pdfPackages }).toEqual({ pdfCode: [], pdfPackages: [] });
  });

  it("loads language identification but not franc, which loads on the first Ethiopic message", () => {
    const loaded = loadedAtStartup();
    // The walk reaches the reading of languages (fastText's glue costs next to nothing at startup)…
    expect(loaded).toContain("worker/translation/identify/ethiopic.ts");
    expect(loaded).toContain("fasttext.wasm.js/dist/core/fastText.common.js");
    // …and would see franc if ethiopic.ts imported it statically.
    const packages = [...loaded].filter((name) => LAZY_LANGUAGE_PACKAGES.some((pkg) => name === pkg || name.startsWith(`${pkg}/`)));
    expect(packages).toEqual([]);
  });
});
