/**
 * A Vite plugin: the protocol's modules (worker/shared/protocol) only declare schemas and
 * constants, so a page that takes one schema through the module's index need not carry the
 * others (the victim's chat code would otherwise bring the console's Records, dispatcher and
 * dashboard schemas with it). Telling the bundler they have no side effects lets it leave out
 * what a page does not use. Nothing in them may ever do work at import time.
 */
import type { Plugin } from "vite";

const PROTOCOL = /[\\/]worker[\\/]shared[\\/]protocol[\\/][^\\/]+\.ts$/;

export function pureProtocol(): Plugin {
  return {
    name: "quietline-pure-protocol",
    transform: {
      filter: { id: PROTOCOL },
      handler: () => ({ moduleSideEffects: false }),
    },
  };
}
