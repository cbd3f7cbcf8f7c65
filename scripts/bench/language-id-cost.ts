/**
 * What each language-identification candidate costs the Worker (language-id.ts asks):
 *
 * - load: a fresh Node process imports it and answers one message (its model or tables read,
 *   its WebAssembly compiled); Node's own start is not counted;
 * - CPU per message: each call timed on its own, after a warm-up pass;
 * - bundle: esbuild bundles a one-line entry that imports only what the Worker would import,
 *   minified, then compressed; fastText's WebAssembly module and model file are separate files
 *   beside the bundle and are counted as such.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { build } from "esbuild";
import { root } from "../wrangler.ts";
import { spread, type Spread } from "./measure.ts";

export type CandidateId = "fastText" | "quietline" | "franc" | "eld";

const identifyUrl = pathToFileURL(join(root, "worker/translation/identify/identify.ts")).href;

/** Code run in a fresh process: import the candidate and answer one message. */
const LOADERS: Record<CandidateId, string> = {
  fastText: `const { getLIDModel } = await import("fasttext.wasm.js");
    const model = await (await getLIDModel()).load();
    model.predict(SAMPLE, 1, 0).delete();`,
  quietline: `const { identifyLanguage } = await import(${JSON.stringify(identifyUrl)});
    const { getLIDModel } = await import("fasttext.wasm.js");
    const model = await (await getLIDModel()).load();
    await identifyLanguage(SAMPLE, { conversation: null, page: null }, async () => {
      const vector = model.predict(SAMPLE, 3, 0);
      const [probability, label] = vector.get(0);
      vector.delete();
      return [{ language: label.replace("__label__", ""), probability }];
    });`,
  franc: `const { franc } = await import("franc"); franc(SAMPLE);`,
  eld: `const { eld } = await import("eld/large"); eld.detect(SAMPLE);`,
};

/** Milliseconds to load each candidate, the median of `runs` fresh processes. */
export function loadTimes(runs: number): Record<CandidateId, Spread> {
  const times = {} as Record<CandidateId, Spread>;
  for (const [id, code] of Object.entries(LOADERS) as [CandidateId, string][]) {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const script = `const SAMPLE = "Everyone has the right to life, liberty and security of person.";
        const started = performance.now();
        ${code}
        console.log(performance.now() - started);`;
      const out = execFileSync(process.execPath, ["--no-warnings", "--input-type=module", "-e", script], { cwd: root, encoding: "utf8" });
      samples.push(Number(out.trim().split("\n").pop()));
    }
    times[id] = spread(samples);
  }
  return times;
}

/** Microseconds per call of `read` over `texts`: one untimed pass, then `passes` timed ones. */
export async function perMessage(read: (text: string) => unknown, texts: string[], passes: number): Promise<{ calls: number; medianUs: number; p90Us: number }> {
  for (const text of texts) await read(text);
  const samples: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    for (const text of texts) {
      const started = performance.now();
      // Only the production decision is asynchronous; awaiting the others would time a microtask too.
      const answer = read(text);
      if (answer instanceof Promise) await answer;
      samples.push(performance.now() - started);
    }
  }
  samples.sort((a, b) => a - b);
  const us = (ms: number) => Math.round(ms * 10_000) / 10;
  return { calls: samples.length, medianUs: us(samples[Math.floor(samples.length / 2)]!), p90Us: us(samples[Math.ceil(0.9 * samples.length) - 1]!) };
}

/** What the Worker would import for each candidate: the production modules for fastText and quietline. */
const ENTRIES: Record<CandidateId, { code: string; files: string[] }> = {
  fastText: {
    code: `export { guessLanguages } from "./worker/translation/identify/fasttext.ts";`,
    files: ["fasttext.wasm.js/dist/core/fastText.common.wasm", "fasttext.wasm.js/dist/fastText/models/lid.176.ftz"],
  },
  quietline: {
    code: `export { identifyLanguage } from "./worker/translation/identify/identify.ts";
      export { guessLanguages } from "./worker/translation/identify/fasttext.ts";`,
    files: ["fasttext.wasm.js/dist/core/fastText.common.wasm", "fasttext.wasm.js/dist/fastText/models/lid.176.ftz"],
  },
  franc: { code: `export { franc } from "franc";`, files: [] },
  eld: { code: `export { eld } from "eld/large";`, files: [] },
};

export interface Size {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface Bundle {
  code: Size;
  files: ({ name: string } & Size)[];
  total: Size;
}

// Brotli at its highest quality, as Cloudflare serves static files; gzip level 9, which is what
// the Worker size limit is measured in. Run concurrently: eld's 4.6 MB takes some 20 s alone.
const compress = async (bytes: Uint8Array): Promise<Size> => {
  const [brotli, gzipped] = await Promise.all([
    promisify(brotliCompress)(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
    promisify(gzip)(bytes, { level: 9 }),
  ]);
  return { raw: bytes.length, gzip: gzipped.length, brotli: brotli.length };
};

export async function bundleSizes(): Promise<Record<CandidateId, Bundle>> {
  const fileSizes = new Map<string, Promise<Size>>();
  const sizeOf = (file: string) => {
    if (!fileSizes.has(file)) fileSizes.set(file, compress(readFileSync(join(root, "node_modules", file))));
    return fileSizes.get(file)!;
  };
  const sized = await Promise.all(
    (Object.entries(ENTRIES) as [CandidateId, (typeof ENTRIES)[CandidateId]][]).map(async ([id, entry]) => {
      const result = await build({
        stdin: { contents: entry.code, resolveDir: root, loader: "ts" },
        bundle: true,
        minify: true,
        write: false,
        format: "esm",
        platform: "browser",
        conditions: ["workerd", "worker", "browser"],
        // Imported as a compiled module and as bytes (wrangler.toml's rules): counted as files below.
        external: ["*.wasm", "*.ftz"],
        logLevel: "error",
      });
      const code = await compress(result.outputFiles[0]!.contents);
      const files = await Promise.all(
        entry.files.map(async (file) => ({ name: file.split("/").pop()!, ...(await sizeOf(file)) })),
      );
      const sum = (key: keyof Size) => code[key] + files.reduce((total, f) => total + f[key], 0);
      return [id, { code, files, total: { raw: sum("raw"), gzip: sum("gzip"), brotli: sum("brotli") } }] as const;
    }),
  );
  return Object.fromEntries(sized) as Record<CandidateId, Bundle>;
}
