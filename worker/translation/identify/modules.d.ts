/** fastText's model file, imported as bytes: wrangler.toml's `Data` rule for `*.ftz`. */
declare module "*.ftz" {
  const bytes: ArrayBuffer;
  export default bytes;
}

/** The Emscripten glue of fasttext.wasm.js: a factory taking Emscripten's Module options. */
declare module "fasttext.wasm.js/dist/core/fastText.common.js" {
  const createFastText: (options: Record<string, unknown>) => Promise<unknown>;
  export default createFastText;
}
