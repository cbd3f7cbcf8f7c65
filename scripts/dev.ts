/**
 * Serves quietline locally with `wrangler dev`, choosing translation plainly:
 *
 *   npm start                                  translation off (no Cloudflare account needed)
 *   LIBRETRANSLATE_URL=http://… npm start      a self-hosted LibreTranslate server
 *   npm run start:workers-ai                   Workers AI (needs `npx wrangler login`; AI runs remotely)
 *   npm start -- --turnstile                   Turnstile on, with Cloudflare's always-passing test keys
 *                                              (the widget and Siteverify are on the internet)
 *
 * Blocks made by "End as abusive" need SOURCE_KEY; locally a fixed development key is used.
 *
 * One server answers both hostnames (wrangler.toml's local PUBLIC_HOSTNAME and STAFF_HOSTNAME):
 * the victim page at http://localhost:8787 and the console at http://console.localhost:8787.
 * Browsers send every *.localhost name to this machine, so no DNS or hosts file is needed.
 */
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { root } from "./wrangler.ts";

const { values } = parseArgs({
  options: { "workers-ai": { type: "boolean", default: false }, turnstile: { type: "boolean", default: false } },
});
const libreTranslate = process.env.LIBRETRANSLATE_URL;

const args = ["--no-install", "wrangler", "dev"];
if (values["workers-ai"]) {
  args.push("--var", "TRANSLATION_PROVIDER:workers-ai");
  console.log("Translation: Workers AI (remote; you must be logged in with `npx wrangler login`).");
} else if (libreTranslate) {
  args.push("--local", "--var", "TRANSLATION_PROVIDER:libretranslate", "--var", `LIBRETRANSLATE_URL:${libreTranslate}`);
  console.log(`Translation: LibreTranslate at ${libreTranslate}.`);
} else {
  args.push("--local", "--var", "TRANSLATION_PROVIDER:off");
  console.log(
    "Translation is OFF locally: `wrangler dev --local` has no Workers AI. Both pages say so.\n" +
      "Turn it on with `npm run start:workers-ai` (after `npx wrangler login`) or LIBRETRANSLATE_URL=… npm start.",
  );
}
// Local development only: a real deployment sets its own with `wrangler secret put SOURCE_KEY`.
args.push("--var", "SOURCE_KEY:local-development-only-source-key-do-not-deploy");
if (values.turnstile) {
  args.push("--var", "TURNSTILE_SITE_KEY:1x00000000000000000000AA", "--var", "TURNSTILE_SECRET_KEY:1x0000000000000000000000000000000AA");
  console.log("Turnstile: on, with Cloudflare's test keys (always passes; needs the internet for the widget).");
}
console.log(
  "Victims' page:  http://localhost:8787\n" +
    "Staff console:  http://console.localhost:8787 (the console answers only on this hostname; sign in with a demo account above)",
);
const child = spawn("npx", args, { cwd: root, stdio: "inherit", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } });
child.on("exit", (code) => process.exit(code ?? 0));
