/**
 * A Vite plugin for the app's client build: lists the built files the victims' hostname may
 * serve, so the Worker (worker/pages.ts) can refuse the console's code there.
 *
 * SvelteKit builds one app, and its hashed file names (`_app/immutable/chunks/DdU2qboA.js`)
 * do not say which pages use them, so no wrangler.toml pattern can pick out the console's. The
 * bundle's own graph can: every file reachable from the app's entries without passing through
 * a console page (app/routes/console/**) is the victims'; everything else is the console's
 * alone. Code that both sides share (the chat panel, Svelte itself) is, rightly, the victims'.
 *
 * The list goes into the build as `_app/public-host-files.json` (it names only files anyone
 * can already fetch) and the build fails if it cannot be made, so a deployment never lacks it.
 */
import type { Plugin } from "vite";

export const PUBLIC_HOST_FILES = "_app/public-host-files.json";

/** The console's routes: its pages and everything only they import stay off the victims' host. */
const CONSOLE_ROUTES = /[/\\]app[/\\]routes[/\\]console[/\\]/;

export function publicHostFiles(): Plugin {
  return {
    name: "quietline:public-host-files",
    // Only the browser's build; the server build SvelteKit also makes is never served.
    applyToEnvironment: (environment) => environment.name === "client",
    generateBundle(_options, bundle) {
      const chunks = new Map(
        Object.values(bundle).flatMap((file) => (file.type === "chunk" ? [[file.fileName, file] as const] : [])),
      );
      const isConsolePage = (fileName: string) => chunks.get(fileName)?.moduleIds.some((id) => CONSOLE_ROUTES.test(id)) ?? false;
      const consolePages = [...chunks.keys()].filter(isConsolePage);
      if (consolePages.length === 0) this.error("no console page found in the build: is CONSOLE_ROUTES still right?");

      const reachable = new Set<string>();
      const visit = (fileName: string) => {
        const chunk = chunks.get(fileName);
        if (!chunk || reachable.has(fileName) || isConsolePage(fileName)) return;
        reachable.add(fileName);
        for (const css of chunk.viteMetadata?.importedCss ?? []) reachable.add(css);
        for (const asset of chunk.viteMetadata?.importedAssets ?? []) reachable.add(asset);
        for (const next of [...chunk.imports, ...chunk.dynamicImports]) visit(next);
      };
      for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
      if (reachable.size === 0) this.error("no entry found in the build");

      this.emitFile({
        type: "asset",
        fileName: PUBLIC_HOST_FILES,
        source: `${JSON.stringify({ files: [...reachable].sort().map((file) => `/${file}`) }, null, 1)}\n`,
      });
    },
  };
}
