/**
 * npm run db:migrate:remote -- --env staging|production
 *
 * Applies migrations/ to that environment's D1 database, as `npm run deploy` does before
 * deploying. The top level of wrangler.toml is local development only, so an environment must be
 * named: without one, wrangler would look for the local database on Cloudflare.
 */
import { parseArgs } from "node:util";
import { chooseEnvironment } from "./deploy/preflight.ts";
import { act } from "./deploy/remote.ts";
import { environmentsIn } from "./deploy/target.ts";

const { values } = parseArgs({ options: { env: { type: "string" } } });
const choice = chooseEnvironment(values.env, environmentsIn(), "db:migrate:remote");
if ("refusal" in choice) {
  console.error(choice.refusal);
  process.exit(1);
}
process.exit(act("npx", ["--no-install", "wrangler", "d1", "migrations", "apply", "DB", "--remote", "--env", choice.environment]) ? 0 : 1);
