import type { TestProject } from "vitest/node";
import { startFakeLibreTranslate } from "../support/fake-libretranslate.ts";
import { startLocalServer } from "./local-server.ts";
import { E2E_OFFICERS } from "./officers.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The victims' hostname (http://localhost:PORT); the console is on consoleUrl(baseUrl) (pages.ts). */
    baseUrl: string;
    /** The local server's state folder (D1, R2, Durable Objects), for tests that read the records. */
    persistTo: string;
  }
}

/**
 * One fresh local server for the run, translating through a LibreTranslate-speaking server on
 * this machine (Workers AI cannot run here): the same HTTP provider a force would self-host.
 */
export default async function setup(project: TestProject) {
  const translator = await startFakeLibreTranslate();
  const server = await startLocalServer(E2E_OFFICERS, {
    TRANSLATION_PROVIDER: "libretranslate",
    LIBRETRANSLATE_URL: translator.url,
    // Each file closes its browser when done; those officers' chats must not come back into the
    // queue (or waiting chats leave it) while later files are counting places. The timed
    // behaviour itself is tested in workerd, by alarm.
    OFFICER_GRACE_SECONDS: "3600",
    WAITING_ABANDON_SECONDS: "3600",
  });
  project.provide("baseUrl", server.url);
  project.provide("persistTo", server.persistTo);
  return async () => {
    await server.stop();
    await translator.close();
  };
}
