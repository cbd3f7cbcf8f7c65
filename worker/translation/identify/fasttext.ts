/**
 * fastText's language-identification model (lid.176, 176 languages, Facebook AI Research),
 * run in the Worker through the fastText WebAssembly build of `fasttext.wasm.js`.
 *
 * Chosen by measurement against franc and eld (BENCHMARKS.md, "Language identification"): the
 * most accurate on short lines of text none of them was trained on, the widest coverage of the
 * languages the translation providers handle, and about 30 µs per message once loaded.
 *
 * Workers may not compile WebAssembly from bytes at run time, so the module and the model are
 * imported (wrangler compiles the .wasm at upload; the .ftz arrives as bytes, see the "Data"
 * rule in wrangler.toml) and handed to the Emscripten glue, instead of the package's own loader,
 * which fetches them by URL. The model loads once per isolate, on the first message to need it.
 */
// The package's Emscripten glue and its two binary files, by path: its own entry points fetch them.
import createFastText from "fasttext.wasm.js/dist/core/fastText.common.js";
import fastTextWasm from "fasttext.wasm.js/dist/core/fastText.common.wasm";
import lid176 from "fasttext.wasm.js/dist/fastText/models/lid.176.ftz";
import type { GuessLanguages, LanguageGuess } from "./identify.ts";


interface NativeVector {
  size(): number;
  get(index: number): [number, string];
  delete(): void;
}

interface NativeFastText {
  loadModel(path: string): void;
  predict(text: string, k: number, threshold: number): NativeVector;
}

interface FastTextModule {
  FastText: new () => NativeFastText;
  FS: { writeFile(path: string, data: Uint8Array): void; unlink(path: string): void };
}

const MODEL_PATH = "/lid.176.ftz";
let model: NativeFastText | null = null;

/**
 * The model, loaded once per isolate on first use (about 100 ms of CPU). Loading is synchronous
 * from start to end, on purpose: a Durable Object serves each message in its own request context,
 * and a load begun in one context and awaited from another would never finish if the first were
 * cancelled (a victim's connection dropping mid-load, an object reset), leaving every later
 * message of every chat in the isolate waiting on it.
 */
export function loadModel(): NativeFastText {
  if (model) return model;
  const runtime: Partial<FastTextModule> & Record<string, unknown> = {
    // The compiled module wrangler made, instantiated at once, instead of fetching and compiling
    // bytes (not allowed here) or instantiating asynchronously (see above).
    instantiateWasm(imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance) => void) {
      const instance = new WebAssembly.Instance(fastTextWasm, imports);
      receive(instance);
      return instance.exports;
    },
    print: () => undefined,
    printErr: () => undefined,
  };
  // Emscripten fills in the options object as the runtime: with the instance given at once it is
  // ready when the factory returns (its promise only reports that).
  void asIfInABrowser(() => createFastText(runtime)).catch(() => undefined);
  if (!runtime.FastText || !runtime.FS) throw new Error("fastText's runtime did not start");
  const loaded = new runtime.FastText();
  runtime.FS.writeFile(MODEL_PATH, new Uint8Array(lid176));
  loaded.loadModel(MODEL_PATH);
  // The model is in the WebAssembly memory now; the file copy is not needed.
  runtime.FS.unlink(MODEL_PATH);
  model = loaded;
  return model;
}

/**
 * The glue was built for browsers only (Emscripten's ENVIRONMENT=web,worker) and refuses to start
 * anywhere else. It decides once, while the factory is called: a browser if `window` exists, Node
 * if `process` does (as it does in workerd under `nodejs_compat`, which the test pool turns on).
 * With instantiateWasm given it uses nothing of a browser after that, so for that one synchronous
 * call `window` is made to exist and `process` is put out of sight, and both are restored before
 * anything else can run.
 */
function asIfInABrowser<T>(create: () => T): T {
  const scope = globalThis as { window?: unknown; process?: unknown };
  const hadWindow = "window" in scope;
  const process = Object.getOwnPropertyDescriptor(scope, "process");
  if (!hadWindow) Object.defineProperty(scope, "window", { value: {}, configurable: true });
  if (process?.configurable) Object.defineProperty(scope, "process", { value: undefined, configurable: true });
  try {
    return create();
  } finally {
    if (!hadWindow) delete scope.window;
    if (process?.configurable) Object.defineProperty(scope, "process", process);
  }
}

/** The `k` likeliest languages of `text`, likeliest first. */
export const guessLanguages: GuessLanguages = async (text, k = 3) => {
  const model = loadModel();
  // fastText reads one line: a newline would end the text early.
  const vector = model.predict(text.replace(/\s+/g, " ").trim(), k, 0);
  try {
    const guesses: LanguageGuess[] = [];
    for (let i = 0; i < vector.size(); i++) {
      const [probability, label] = vector.get(i);
      guesses.push({ language: label.replace("__label__", ""), probability });
    }
    return guesses;
  } finally {
    vector.delete();
  }
};
