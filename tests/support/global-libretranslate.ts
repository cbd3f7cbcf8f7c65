import type { TestProject } from "vitest/node";
import { startFakeLibreTranslate } from "./fake-libretranslate.ts";

declare module "vitest" {
  export interface ProvidedContext {
    libreTranslateUrl: string;
  }
}

/** Runs in Node before the workerd tests: a LibreTranslate-speaking server for the HTTP provider. */
export default async function setup(project: TestProject) {
  const server = await startFakeLibreTranslate();
  project.provide("libreTranslateUrl", server.url);
  return () => server.close();
}
