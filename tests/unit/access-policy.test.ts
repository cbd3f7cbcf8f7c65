/**
 * The access policy is the only place that knows which staff role may do what: a route, a
 * Durable Object or a console page that names a role itself has started a second policy, and
 * the next change to the rules would be made in one of them only.
 */
import { describe, expect, it } from "vitest";

// Vite's import.meta.glob, typed for this file only (vite/client's types clash with the Worker's *.woff).
declare global {
  interface ImportMeta {
    glob<T>(pattern: string, options: { query: "?raw"; import: "default"; eager: true }): Record<string, T>;
  }
}

/** Where the roles may be named: the policy, and the schemas that say what a role can be. */
const DECLARING_ROLES = ["/worker/shared/access-policy.ts", "/worker/shared/protocol/http.ts", "/worker/db/schema.ts"];

describe("who may do what", () => {
  it("is decided only by worker/shared/access-policy.ts, in the Worker and in the app", () => {
    // Vite inlines each source file's text here at build time.
    const sources = {
      ...import.meta.glob<string>("../../worker/**/*.ts", { query: "?raw", import: "default", eager: true }),
      ...import.meta.glob<string>("../../app/**/*.{ts,svelte}", { query: "?raw", import: "default", eager: true }),
    };
    expect(Object.keys(sources).length).toBeGreaterThan(100);
    const naming = Object.entries(sources)
      .filter(([path, text]) => !DECLARING_ROLES.some((allowed) => path.endsWith(allowed)) && /["'](supervisor|admin)["']/.test(text))
      .map(([path]) => path);
    expect(naming).toEqual([]);
  });
});
