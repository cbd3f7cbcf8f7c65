/** Font files imported as binary modules: wrangler.toml's `Data` rule for `*.woff`. */
declare module "*.woff" {
  const bytes: ArrayBuffer;
  export default bytes;
}
