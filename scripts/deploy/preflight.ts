/**
 * What a deploy checks before it acts, as pure functions of wrangler.toml's environment (and,
 * for the second half, what Cloudflare says exists), so tests run them without an account.
 * Each refusal is one sentence naming the missing or inconsistent piece and how to put it right;
 * every refusal is reported at once, so one run shows all that is left to do.
 *
 * scripts/deploy.ts asks Cloudflare for the facts (scripts/deploy/remote.ts) and acts only when
 * there is nothing to refuse.
 */
import { DATA_JURISDICTIONS, parseDataJurisdiction } from "../../worker/data-location.ts";
import type { DeployTarget } from "./target.ts";

/** Secrets the service cannot run safely without: blocks by a keyed hash of the source. */
export const REQUIRED_SECRETS = ["SOURCE_KEY"] as const;
/** Settings that must never be vars: vars are in the repository and shown in the dashboard. */
export const SECRET_NAMES = ["SOURCE_KEY", "TURNSTILE_SECRET_KEY", "LIBRETRANSLATE_API_KEY"] as const;
const TRANSLATION_PROVIDERS = ["workers-ai", "libretranslate", "off"];

export type EnvironmentChoice = { environment: string } | { refusal: string };

/** The environment named by --env, for `npm run deploy` (or setup, db:migrate:remote). */
export function chooseEnvironment(given: string | undefined, known: string[], command = "deploy"): EnvironmentChoice {
  const list = known.join(", ");
  if (!given) return { refusal: `Say which environment, for example: npm run ${command} -- --env ${known[0] ?? "staging"} (wrangler.toml has: ${list}).` };
  if (!known.includes(given)) return { refusal: `There is no environment "${given}" in wrangler.toml; it has: ${list}.` };
  return { environment: given };
}

const section = (target: DeployTarget) => `[env.${target.environment}]`;
const varsSection = (target: DeployTarget) => `[env.${target.environment}.vars]`;

/** A hostname alone: letters, digits and hyphens in dot-separated labels, no scheme, port or path. */
const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/;
/** The hostnames wrangler.toml ships with, and the names RFC 2606 reserves for examples. */
const isExample = (hostname: string) => hostname.split(".").some((label) => label === "example" || label.startsWith("example-"));

const HOSTNAMES = [
  ["PUBLIC_HOSTNAME", "victims' hostname"],
  ["STAFF_HOSTNAME", "staff hostname"],
] as const;

function hostnameRefusals(target: DeployTarget, examplesAllowed: boolean): string[] {
  const refusals: string[] = [];
  for (const [name, meaning] of HOSTNAMES) {
    const hostname = (target.vars[name] ?? "").trim().toLowerCase();
    if (!hostname) {
      refusals.push(`${name} (the ${meaning}) is not set in ${varsSection(target)} of wrangler.toml.`);
    } else if (!HOSTNAME.test(hostname)) {
      refusals.push(`${name} "${target.vars[name]}" is not a hostname: give the name alone, like help.your-force.police.uk, without https:// or a path.`);
    } else {
      if (!examplesAllowed && isExample(hostname)) {
        refusals.push(`${name} is still the example "${hostname}": put your force's own ${meaning} in ${varsSection(target)} and routes of wrangler.toml.`);
      }
      if (!target.routes.some((route) => route.pattern.toLowerCase() === hostname && route.customDomain)) {
        refusals.push(`${name} "${hostname}" has no custom domain: add { pattern = "${hostname}", custom_domain = true } to routes in ${section(target)}.`);
      }
    }
  }
  const victims = target.vars.PUBLIC_HOSTNAME?.trim().toLowerCase();
  if (victims && victims === target.vars.STAFF_HOSTNAME?.trim().toLowerCase()) {
    refusals.push(`PUBLIC_HOSTNAME and STAFF_HOSTNAME are both "${victims}": victims and staff need a hostname each, so that Access can cover the staff one alone.`);
  }
  const hostnames = HOSTNAMES.map(([name]) => target.vars[name]?.trim().toLowerCase());
  for (const route of target.routes) {
    if (!hostnames.includes(route.pattern.toLowerCase())) {
      refusals.push(`The route "${route.pattern}" in ${section(target)} is neither PUBLIC_HOSTNAME nor STAFF_HOSTNAME, and the Worker answers nothing else: remove it.`);
    }
  }
  if (target.workersDev !== false) {
    refusals.push(`workers_dev must be false in ${section(target)}: a workers.dev address would be one more way in, around Access.`);
  }
  if (target.previewUrls !== false) {
    refusals.push(`preview_urls must be false in ${section(target)}: preview URLs would be more ways in, around Access.`);
  }
  return refusals;
}

/** The data-location choice and the bindings that must follow it. Also checked by `npm run setup`. */
export function dataLocationRefusals(target: DeployTarget): string[] {
  const refusals: string[] = [];
  const choices = `${DATA_JURISDICTIONS.map((name) => `"${name}"`).join(", ")} or "" for none`;
  if (!target.database) refusals.push(`No D1 database is bound as DB in ${section(target)} of wrangler.toml.`);
  else if (!target.database.name) refusals.push(`The D1 database bound as DB in ${section(target)} needs a database_name.`);
  if (!target.bucket) refusals.push(`No R2 bucket is bound as TRANSCRIPTS in ${section(target)} of wrangler.toml.`);
  else if (!target.bucket.name) refusals.push(`The R2 bucket bound as TRANSCRIPTS in ${section(target)} needs a bucket_name.`);
  if (!("DATA_JURISDICTION" in target.vars)) {
    refusals.push(`DATA_JURISDICTION is not set in ${varsSection(target)}: choose where the data lives (${choices}) before the first deploy.`);
    return refusals;
  }
  const jurisdiction = parseDataJurisdiction(target.vars.DATA_JURISDICTION);
  if (jurisdiction === "invalid") {
    refusals.push(`DATA_JURISDICTION "${target.vars.DATA_JURISDICTION}" in ${varsSection(target)} is not one this service can keep data in: use ${choices}.`);
  } else if (target.bucket && (target.bucket.jurisdiction ?? null) !== jurisdiction) {
    refusals.push(
      jurisdiction
        ? `The R2 bucket "${target.bucket.name}" has no jurisdiction but DATA_JURISDICTION is "${jurisdiction}": add jurisdiction = "${jurisdiction}" to its [[env.${target.environment}.r2_buckets]].`
        : `The R2 bucket "${target.bucket.name}" has jurisdiction "${target.bucket.jurisdiction}" but DATA_JURISDICTION is empty: make them the same.`,
    );
  }
  return refusals;
}

function settingRefusals(target: DeployTarget): string[] {
  const refusals: string[] = [];
  for (const name of SECRET_NAMES) {
    if (name in target.vars) {
      refusals.push(`${name} is a var in ${varsSection(target)}, readable by anyone with the repository: remove it and set it with npx wrangler secret put ${name} --env ${target.environment}.`);
    }
  }
  const provider = target.vars.TRANSLATION_PROVIDER ?? "workers-ai";
  if (!TRANSLATION_PROVIDERS.includes(provider)) {
    refusals.push(`TRANSLATION_PROVIDER "${provider}" in ${varsSection(target)} is not a provider: use ${TRANSLATION_PROVIDERS.join(", ")}.`);
  }
  if (provider === "workers-ai" && !target.hasAiBinding) {
    refusals.push(`TRANSLATION_PROVIDER is "workers-ai" but ${section(target)} has no AI binding: add [env.${target.environment}.ai] with binding = "AI".`);
  }
  if (provider === "libretranslate") {
    const url = target.vars.LIBRETRANSLATE_URL;
    if (!url) refusals.push(`TRANSLATION_PROVIDER is "libretranslate" but LIBRETRANSLATE_URL is not set in ${varsSection(target)}.`);
    else if (!url.startsWith("https://")) refusals.push(`LIBRETRANSLATE_URL "${url}" must start with https://: victims' words would cross the internet unencrypted.`);
  }
  return refusals;
}

/** What wrangler.toml alone shows wrong for this environment. */
export function configRefusals(target: DeployTarget, options: { examplesAllowed?: boolean } = {}): string[] {
  return [...hostnameRefusals(target, options.examplesAllowed ?? false), ...dataLocationRefusals(target), ...settingRefusals(target)];
}

/** Environments sharing a Worker, a database, a bucket or a hostname would overwrite or mix each other's data. */
export function sharedRefusals(targets: DeployTarget[]): string[] {
  const refusals: string[] = [];
  const shared = (what: string, valueOf: (target: DeployTarget) => string | undefined) => {
    const seen = new Map<string, string>();
    for (const target of targets) {
      const value = valueOf(target)?.trim().toLowerCase();
      if (!value) continue;
      const earlier = seen.get(value);
      if (earlier) refusals.push(`[env.${earlier}] and [env.${target.environment}] have the same ${what} "${value}": each environment needs its own.`);
      else seen.set(value, target.environment);
    }
  };
  shared("Worker name", (target) => target.workerName);
  shared("D1 database", (target) => target.database?.name);
  shared("R2 bucket", (target) => target.bucket?.name);
  for (const [name] of HOSTNAMES) shared(name, (target) => target.vars[name]);
  return refusals;
}

/** What Cloudflare says about this environment, gathered by scripts/deploy/remote.ts. */
export interface RemoteFacts {
  /** Names from `wrangler secret list`; empty when the Worker does not exist yet. */
  secretNames: string[];
  /** The D1 database: missing, or there with the jurisdiction Cloudflare reports (undefined if it does not say). */
  database: { exists: false } | { exists: true; jurisdiction: string | null | undefined };
  bucketExists: boolean;
  /** Migrations in migrations/ not yet applied to the remote database. */
  pendingMigrations: string[];
}

export interface Preflight {
  refusals: string[];
  /** What the deploy will do beyond deploying the code, said before it does it. */
  notices: string[];
}

const isSet = (target: DeployTarget, facts: RemoteFacts, name: string) => Boolean(target.vars[name]?.trim()) || facts.secretNames.includes(name);

export function remoteRefusals(target: DeployTarget, facts: RemoteFacts): Preflight {
  const refusals: string[] = [];
  const put = (name: string) => `npx wrangler secret put ${name} --env ${target.environment}`;
  for (const name of REQUIRED_SECRETS) {
    if (!facts.secretNames.includes(name)) refusals.push(`The secret ${name} is not set: ${put(name)} (32 or more random characters, e.g. from openssl rand -base64 48).`);
  }
  const siteKey = Boolean(target.vars.TURNSTILE_SITE_KEY?.trim());
  const turnstileSecret = facts.secretNames.includes("TURNSTILE_SECRET_KEY");
  if (siteKey && !turnstileSecret) refusals.push(`TURNSTILE_SITE_KEY is set but its secret is not: ${put("TURNSTILE_SECRET_KEY")}.`);
  if (turnstileSecret && !siteKey) refusals.push(`The secret TURNSTILE_SECRET_KEY is set but TURNSTILE_SITE_KEY is not: add the widget's site key to ${varsSection(target)}.`);
  const teamDomain = isSet(target, facts, "ACCESS_TEAM_DOMAIN");
  const audience = isSet(target, facts, "ACCESS_AUD");
  if (teamDomain && !audience) refusals.push(`ACCESS_TEAM_DOMAIN is set but ACCESS_AUD is not: add the Access application's AUD tag to ${varsSection(target)} (docs/single-sign-on.md).`);
  if (audience && !teamDomain) refusals.push(`ACCESS_AUD is set but ACCESS_TEAM_DOMAIN is not: add your team domain (e.g. your-force.cloudflareaccess.com) to ${varsSection(target)} (docs/single-sign-on.md).`);
  for (const name of facts.secretNames) {
    if (name in target.vars) refusals.push(`${name} is both a var in ${varsSection(target)} and a secret: keep one (npx wrangler secret delete ${name} --env ${target.environment}, or remove the var).`);
  }

  const setup = `npm run setup -- --env ${target.environment}`;
  const wanted = parseDataJurisdiction(target.vars.DATA_JURISDICTION);
  if (!facts.database.exists) {
    refusals.push(`The D1 database "${target.database?.name}" does not exist yet: ${setup} creates it (in DATA_JURISDICTION), and the deploy would otherwise create it anywhere.`);
  } else if (facts.database.jurisdiction !== undefined && wanted !== "invalid" && (facts.database.jurisdiction ?? null) !== wanted) {
    refusals.push(
      `The D1 database "${target.database?.name}" is in jurisdiction "${facts.database.jurisdiction ?? "none"}" but DATA_JURISDICTION is "${wanted ?? ""}": a database's jurisdiction is fixed when it is made, so create a new one with another database_name.`,
    );
  }
  if (!facts.bucketExists) refusals.push(`The R2 bucket "${target.bucket?.name}" does not exist yet: ${setup} creates it.`);

  const notices =
    facts.pendingMigrations.length > 0
      ? [`These D1 migrations will be applied to "${target.database?.name}" first: ${facts.pendingMigrations.join(", ")}.`]
      : [];
  return { refusals, notices };
}
