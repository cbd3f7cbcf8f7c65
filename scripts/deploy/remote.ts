/**
 * The deploy's only contact with Cloudflare: wrangler commands that read what exists (for the
 * checks in preflight.ts) and, once the checks pass, create, migrate and deploy. Kept thin so the
 * decisions stay in preflight.ts, where tests reach them without an account.
 */
import { spawnSync } from "node:child_process";
import { parseDataJurisdiction } from "../../worker/data-location.ts";
import { root } from "../wrangler.ts";
import type { RemoteFacts } from "./preflight.ts";
import type { DeployTarget } from "./target.ts";

const quietEnv = { ...process.env, WRANGLER_SEND_METRICS: "false" };

/** Runs wrangler and keeps what it said, for reading (JSON) or for a failure's explanation. */
function ask(args: string[]): { ok: boolean; stdout: string; said: string } {
  const result = spawnSync("npx", ["--no-install", "wrangler", ...args], { cwd: root, encoding: "utf8", env: quietEnv });
  return { ok: result.status === 0, stdout: result.stdout ?? "", said: `${result.stdout ?? ""}${result.stderr ?? ""}` };
}

/** Runs a command in front of the admin (its prompts and output are theirs); false if it failed. */
export function act(command: string, args: string[]): boolean {
  return spawnSync(command, args, { cwd: root, stdio: "inherit", env: quietEnv }).status === 0;
}

export class WranglerFailed extends Error {
  constructor(args: string[], said: string) {
    // Wrangler colours its messages even into a pipe; the admin reads the words.
    const plain = said.replace(/\x1b\[[0-9;]*m/g, "").trim();
    super(`wrangler ${args.join(" ")} failed (are you logged in? npx wrangler login):\n${plain}`);
  }
}

function read(args: string[], missing: RegExp): { found: true; stdout: string } | { found: false } {
  const answer = ask(args);
  if (answer.ok) return { found: true, stdout: answer.stdout };
  if (missing.test(answer.said)) return { found: false };
  throw new WranglerFailed(args, answer.said);
}

/** The JSON a wrangler command printed (after any banner lines). */
function json(stdout: string): unknown {
  const start = stdout.search(/^[[{]/m);
  return JSON.parse(start >= 0 ? stdout.slice(start) : stdout);
}

const envArgs = (target: DeployTarget) => ["--env", target.environment];
const jurisdictionArgs = (flag: string, jurisdiction: string | undefined) => (jurisdiction ? [flag, jurisdiction] : []);

function secretNames(target: DeployTarget): string[] {
  // A Worker not yet deployed has no secrets; `wrangler secret put` creates it.
  const listed = read(["secret", "list", ...envArgs(target), "--format", "json"], /not found/i);
  if (!listed.found) return [];
  const secrets = json(listed.stdout);
  return Array.isArray(secrets) ? secrets.flatMap((secret: { name?: unknown }) => (typeof secret.name === "string" ? [secret.name] : [])) : [];
}

function database(target: DeployTarget): RemoteFacts["database"] {
  const info = read(["d1", "info", target.database?.name ?? "DB", ...envArgs(target), "--json"], /couldn't find a d1 db/i);
  if (!info.found) return { exists: false };
  // Cloudflare's answer names the jurisdiction a database was made in (null for none); an
  // answer without the field says nothing either way.
  const details = json(info.stdout);
  const reported = details && typeof details === "object" && "jurisdiction" in details ? details.jurisdiction : undefined;
  return { exists: true, jurisdiction: typeof reported === "string" || reported === null ? reported : undefined };
}

export function bucketExists(target: DeployTarget): boolean {
  const args = ["r2", "bucket", "info", target.bucket?.name ?? "", ...envArgs(target), ...jurisdictionArgs("-J", target.bucket?.jurisdiction), "--json"];
  return read(args, /does not exist|10006/i).found;
}

/** Migration files wrangler lists as not yet applied to the remote database. */
export function pendingMigrations(target: DeployTarget): string[] {
  const args = ["d1", "migrations", "list", "DB", "--remote", ...envArgs(target)];
  const answer = ask(args);
  if (!answer.ok) throw new WranglerFailed(args, answer.said);
  return [...new Set(answer.stdout.match(/\b\d{4}_[\w-]+\.sql\b/g) ?? [])];
}

export function gatherFacts(target: DeployTarget): RemoteFacts {
  const db = database(target);
  return {
    secretNames: secretNames(target),
    database: db,
    bucketExists: bucketExists(target),
    pendingMigrations: db.exists ? pendingMigrations(target) : [],
  };
}

/** Creates what `npm run setup` found missing, in the environment's jurisdiction. */
export function createDatabase(target: DeployTarget): void {
  const jurisdiction = parseDataJurisdiction(target.vars.DATA_JURISDICTION);
  const args = ["d1", "create", target.database?.name ?? "", ...envArgs(target), ...jurisdictionArgs("--jurisdiction", jurisdiction && jurisdiction !== "invalid" ? jurisdiction : undefined)];
  const answer = ask(args);
  if (!answer.ok) throw new WranglerFailed(args, answer.said);
}

export function createBucket(target: DeployTarget): void {
  const args = ["r2", "bucket", "create", target.bucket?.name ?? "", ...envArgs(target), ...jurisdictionArgs("-J", target.bucket?.jurisdiction)];
  const answer = ask(args);
  if (answer.ok) return;
  if (/enable R2|10042/i.test(answer.said)) {
    throw new Error("R2 is not enabled on this account yet: in the Cloudflare dashboard open R2 Object Storage and enable it (it asks for a payment method), then run this again.");
  }
  throw new WranglerFailed(args, answer.said);
}

export function databaseExists(target: DeployTarget): boolean {
  return database(target).exists;
}
