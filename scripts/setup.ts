/**
 * npm run setup -- --env staging|production
 *
 * Creates an environment's D1 database and R2 bucket, named as in wrangler.toml, in its
 * DATA_JURISDICTION, and leaves alone any that already exist (run it as often as you like).
 *
 * **Why not wrangler's automatic provisioning**: `wrangler deploy` creates a missing D1
 * database, but without a jurisdiction (it has no setting for one), and only while deploying,
 * after the migrations that need the database have already had to run. So the database is made
 * here, with `--jurisdiction`, and wrangler finds it by database_name: no id is written anywhere.
 */
import { parseArgs } from "node:util";
import { chooseEnvironment, dataLocationRefusals } from "./deploy/preflight.ts";
import { bucketExists, createBucket, createDatabase, databaseExists } from "./deploy/remote.ts";
import { environmentsIn, readTarget } from "./deploy/target.ts";

function main(): void {
  const { values } = parseArgs({ options: { env: { type: "string" } } });
  const choice = chooseEnvironment(values.env, environmentsIn(), "setup");
  if ("refusal" in choice) throw new Error(choice.refusal);
  const target = readTarget(choice.environment);
  const refusals = dataLocationRefusals(target);
  if (refusals.length > 0) throw new Error(`Nothing was created:\n${refusals.map((refusal) => `  - ${refusal}`).join("\n")}`);

  const where = target.vars.DATA_JURISDICTION ? `in jurisdiction "${target.vars.DATA_JURISDICTION}"` : "with no jurisdiction";
  const databaseName = target.database?.name;
  if (databaseExists(target)) {
    console.log(`D1 database "${databaseName}" exists already; left as it is.`);
  } else {
    createDatabase(target);
    console.log(`Created D1 database "${databaseName}" ${where}.`);
  }
  const bucketName = target.bucket?.name;
  if (bucketExists(target)) {
    console.log(`R2 bucket "${bucketName}" exists already; left as it is.`);
  } else {
    createBucket(target);
    console.log(`Created R2 bucket "${bucketName}" ${where}.`);
  }
  console.log(`Next: the secrets (npx wrangler secret put SOURCE_KEY --env ${choice.environment}), then npm run deploy -- --env ${choice.environment}.`);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
