import type { TestProject } from "vitest/node";
import { startLocalServer } from "./local-server.ts";
import { E2E_OFFICERS } from "./officers.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startLocalServer(E2E_OFFICERS);
  project.provide("baseUrl", server.url);
  return () => server.stop();
}
