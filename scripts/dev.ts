/**
 * Serves quietline locally with `wrangler dev`, choosing translation plainly:
 *
 *   npm start                                  translation off (no Cloudflare account needed)
 *   LIBRETRANSLATE_URL=http://… npm start      a self-hosted LibreTranslate server
 *   npm run start:workers-ai                   Workers AI (needs `npx wrangler login`; AI runs remotely)
 */
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { root } from "./wrangler.ts";

const { values } = parseArgs({ options: { "workers-ai": { type: "boolean", default: false } } });
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
const child = spawn("npx", args, { cwd: root, stdio: "inherit", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } });
child.on("exit", (code) => process.exit(code ?? 0));
