import { sveltekit } from "@sveltejs/kit/vite";
import { defineConfig } from "vite";
import { publicHostFiles } from "./scripts/public-host-files.ts";
import { pureProtocol } from "./scripts/pure-protocol.ts";

export default defineConfig({
  // publicHostFiles: which built files the victims' hostname may serve (worker/pages.ts).
  // pureProtocol: a page carries only the protocol schemas it uses (scripts/pure-protocol.ts).
  plugins: [sveltekit(), publicHostFiles(), pureProtocol()],
});
