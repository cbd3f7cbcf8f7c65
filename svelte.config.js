import adapter from "@sveltejs/adapter-static";
import { vitePreprocess } from "@sveltejs/vite-plugin-svelte";

/**
 * The SvelteKit app lives in app/ and is built to app/build, which the Worker serves as its
 * static assets (wrangler.toml [assets]). It is a single-page app: the Worker, not SvelteKit,
 * is the server, because SvelteKit's Cloudflare adapter cannot export Durable Objects.
 */
/** SHA-256 of the style attribute SvelteKit gives its route announcer (see style-src below). */
const ANNOUNCER_STYLE_HASH = "sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo=";

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  // No window.__svelte version marker: one file fewer on the victim's first load, and nothing
  // on the page says what it is built with.
  compilerOptions: { discloseVersion: false },
  kit: {
    adapter: adapter({ pages: "app/build", assets: "app/build", fallback: "index.html", strict: true }),
    files: {
      routes: "app/routes",
      lib: "app/lib",
      appTemplate: "app/app.html",
      errorTemplate: "app/error.html",
      assets: "app/static",
      hooks: { client: "app/hooks.client", server: "app/hooks.server", universal: "app/hooks" },
      params: "app/params",
    },
    alias: { $shared: "worker/shared" },
    // A strict policy that still lets SvelteKit's start-up script run: SvelteKit puts the
    // script's hash in a <meta> policy. frame-ancestors cannot go in <meta>; app/static/_headers
    // sends it (and the rest of the headers) with every page.
    csp: {
      mode: "hash",
      directives: {
        "default-src": ["self"],
        // Cloudflare Turnstile, only when a deployment turns it on and only once someone presses
        // "Start chat" or "Sign in" (app/lib/human-check.ts); nothing else third-party, ever.
        "script-src": ["self", "https://challenges.cloudflare.com"],
        "frame-src": ["https://challenges.cloudflare.com"],
        // Our styles are all files. The one inline style is SvelteKit's own: the hidden live region
        // that tells screen readers the new page after a navigation (#svelte-announcer). Without
        // this every page load reported a violation (an error in the console, and a report to any
        // endpoint a force adds); allowed by its hash alone, no other inline style is. A SvelteKit
        // that changes it fails tests/e2e/content-policy.test.ts.
        "style-src": ["self", "unsafe-hashes", ANNOUNCER_STYLE_HASH],
        "img-src": ["self"],
        "font-src": ["self"],
        "connect-src": ["self"],
        "object-src": ["none"],
        "base-uri": ["none"],
        "form-action": ["self"],
        "worker-src": ["none"],
        "manifest-src": ["none"],
      },
    },
  },
};

export default config;
