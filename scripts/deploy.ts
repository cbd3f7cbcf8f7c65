/**
 * npm run deploy -- --env staging|production
 *
 * Checks before it acts. First wrangler.toml alone (hostnames and their custom domains,
 * workers.dev and preview URLs off, where the data lives, settings that must be secrets), then
 * what Cloudflare has (the secrets, the D1 database and R2 bucket, migrations not yet applied).
 * Anything missing or inconsistent is refused, every piece named, before anything changes. Then:
 * build the app, apply the D1 migrations, `wrangler deploy --env …`. The checks themselves are in
 * scripts/deploy/preflight.ts.
 */
import { execFileSync } from "node:child_process";
import { parseArgs } from "node:util";
import { chooseEnvironment, configRefusals, remoteRefusals, sharedRefusals } from "./deploy/preflight.ts";
import { act, gatherFacts, pendingMigrations } from "./deploy/remote.ts";
import { environmentsIn, readTarget } from "./deploy/target.ts";

/** The short id of the commit checked out, or null outside a git checkout. */
function currentCommit(): string | null {
  try {
    const id = execFileSync("git", ["rev-parse", "--short=12", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return /^[0-9a-f]{7,40}$/.test(id) ? id : null;
  } catch {
    return null;
  }
}

function refuse(environment: string | undefined, refusals: string[]): never {
  console.error(`Not deploying${environment ? ` to ${environment}` : ""}; nothing was changed:`);
  for (const refusal of refusals) console.error(`  - ${refusal}`);
  process.exit(1);
}

function main(): void {
  const { values } = parseArgs({ options: { env: { type: "string" } } });
  const known = environmentsIn();
  const choice = chooseEnvironment(values.env, known);
  if ("refusal" in choice) refuse(undefined, [choice.refusal]);
  const { environment } = choice;

  const targets = known.map((name) => readTarget(name));
  const target = targets.find((candidate) => candidate.environment === environment)!;
  const inConfig = [...configRefusals(target), ...sharedRefusals(targets)];
  if (inConfig.length > 0) refuse(environment, inConfig);

  console.log(`Checking what Cloudflare has for ${environment} (${target.workerName})…`);
  const { refusals, notices } = remoteRefusals(target, gatherFacts(target));
  if (refusals.length > 0) refuse(environment, refusals);
  for (const notice of notices) console.log(notice);

  if (!act("npm", ["run", "build"])) refuse(environment, ["The app did not build (see above)."]);
  if (!act("npx", ["--no-install", "wrangler", "d1", "migrations", "apply", "DB", "--remote", "--env", environment])) {
    refuse(environment, ["The D1 migrations failed (see above); the Worker was not deployed. D1 Time Travel can restore the database (README, Deploying)."]);
  }
  // wrangler asks before migrating; an answer of no must not deploy code that needs them.
  const stillPending = pendingMigrations(target);
  if (stillPending.length > 0) refuse(environment, [`These migrations were not applied, so the Worker was not deployed: ${stillPending.join(", ")}.`]);
  // The health check's version names the commit deployed, when this is a git checkout.
  const commit = currentCommit();
  const define = commit ? ["--define", `QUIETLINE_COMMIT:"${commit}"`] : [];
  if (!act("npx", ["--no-install", "wrangler", "deploy", "--env", environment, ...define])) process.exit(1);
  console.log(`Deployed ${environment}: https://${target.vars.PUBLIC_HOSTNAME} and https://${target.vars.STAFF_HOSTNAME}`);
}

try {
  main();
} catch (error) {
  // A failed wrangler command (WranglerFailed) says which it was and what wrangler answered.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
