import { sveltekit } from "@sveltejs/kit/vite";
import { defineConfig } from "vite";
import { publicHostFiles } from "./scripts/public-host-files.ts";

export default defineConfig({
  // publicHostFiles: which built files the victims' hostname may serve (worker/pages.ts).
  plugins: [sveltekit(), publicHostFiles()],
});
