import type { TestProject } from "vitest/node";
import { startFakeSiteverify } from "./fake-siteverify.ts";

declare module "vitest" {
  export interface ProvidedContext {
    siteverifyUrl: string;
  }
}

/** Runs in Node before the workerd tests: a Siteverify that knows Cloudflare's test secrets. */
export default async function setup(project: TestProject) {
  const server = await startFakeSiteverify();
  project.provide("siteverifyUrl", server.url);
  return () => server.close();
}
