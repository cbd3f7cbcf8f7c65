/**
 * npm run deploy:dry-run — part of `npm test`, needing no Cloudflare account.
 *
 * For every environment in wrangler.toml: the deploy's own checks of wrangler.toml (the example
 * hostnames allowed, since a clone has not chosen its own yet), then `wrangler deploy --dry-run`,
 * which builds the Worker and validates the configuration as a deploy would. Wrangler reports
 * some mistakes only as warnings and still exits 0 (a var missing from one environment, a
 * misspelt key), so any warning fails here too: a config that would not deploy as meant fails CI.
 * Needs the app built first (`npm run build`), as a deploy does.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { configRefusals, sharedRefusals } from "./deploy/preflight.ts";
import { environmentsIn, readTarget } from "./deploy/target.ts";
import { root } from "./wrangler.ts";

const WARNING = /\[WARNING\]/;
/** Wrangler colours its output whatever NO_COLOR says; the words are what count. */
const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, "");

function dryRun(environment: string): string[] {
  const outdir = mkdtempSync(join(tmpdir(), `quietline-dry-run-${environment}-`));
  try {
    const result = spawnSync("npx", ["--no-install", "wrangler", "deploy", "--dry-run", "--env", environment, "--outdir", outdir], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
    });
    // Warnings and errors come on stderr: first, so they are what a failing run shows first.
    const said = plain(`${result.stderr ?? ""}${result.stdout ?? ""}`);
    if (result.status !== 0) return [`wrangler deploy --dry-run --env ${environment} failed:\n${said.trim()}`];
    if (WARNING.test(said)) return [`wrangler deploy --dry-run --env ${environment} warned (a deploy would not be what wrangler.toml means):\n${said.trim()}`];
    return [];
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

if (!existsSync(join(root, "app", "build"))) {
  console.error("Build the app first (npm run build): a deploy uploads app/build as the Worker's assets.");
  process.exit(1);
}
const environments = environmentsIn();
const targets = environments.map((environment) => readTarget(environment));
const problems = [...sharedRefusals(targets)];
for (const target of targets) {
  problems.push(...configRefusals(target, { examplesAllowed: true }).map((refusal) => `[env.${target.environment}] ${refusal}`));
  problems.push(...dryRun(target.environment));
}
if (problems.length > 0) {
  for (const problem of problems) console.error(`✗ ${problem}`);
  process.exit(1);
}
console.log(`✓ wrangler deploy --dry-run passes for ${environments.join(" and ")}, and their wrangler.toml checks hold.`);
