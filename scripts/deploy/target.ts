/**
 * One environment of wrangler.toml, as the deploy checks need it: read with wrangler's own
 * reader, so what is checked is exactly what `wrangler deploy --env …` would deploy (vars and
 * bindings not inherited from the top level, routes, workers.dev and preview URLs).
 */
import { join } from "node:path";
import { experimental_readRawConfig, unstable_readConfig } from "wrangler";
import { z } from "zod";
import { root } from "../wrangler.ts";

export interface DeployTarget {
  environment: string;
  workerName: string;
  vars: Record<string, string>;
  routes: { pattern: string; customDomain: boolean }[];
  /** undefined when wrangler.toml does not say (wrangler then turns workers.dev on). */
  workersDev: boolean | undefined;
  previewUrls: boolean | undefined;
  /** The D1 database bound as DB, if any. */
  database: { name: string | undefined } | undefined;
  /** The R2 bucket bound as TRANSCRIPTS, if any. */
  bucket: { name: string | undefined; jurisdiction: string | undefined } | undefined;
  hasAiBinding: boolean;
}

export const CONFIG_PATH = join(root, "wrangler.toml");

/** The environments wrangler.toml defines ([env.<name>]), in its order. */
export function environmentsIn(configPath = CONFIG_PATH): string[] {
  return Object.keys(experimental_readRawConfig({ config: configPath }).rawConfig.env ?? {});
}

/**
 * The part of wrangler's reading of an environment the checks use. Wrangler's own types do not
 * reach scripts (they come out as any), so the shape is checked here instead of trusted.
 */
const WranglerEnvironment = z.object({
  name: z.string().optional(),
  vars: z.record(z.string(), z.unknown()),
  routes: z.array(z.union([z.string(), z.object({ pattern: z.string(), custom_domain: z.boolean().optional() })])).optional(),
  workers_dev: z.boolean().optional(),
  preview_urls: z.boolean().optional(),
  d1_databases: z.array(z.object({ binding: z.string(), database_name: z.string().optional() })),
  r2_buckets: z.array(z.object({ binding: z.string(), bucket_name: z.string().optional(), jurisdiction: z.string().optional() })),
  ai: z.object({ binding: z.string() }).optional(),
});

export function readTarget(environment: string, configPath = CONFIG_PATH): DeployTarget {
  const config = WranglerEnvironment.parse(unstable_readConfig({ config: configPath, env: environment }, { hideWarnings: true }));
  const routes = (config.routes ?? []).map((route) =>
    typeof route === "string" ? { pattern: route, customDomain: false } : { pattern: route.pattern, customDomain: route.custom_domain === true },
  );
  const vars = Object.fromEntries(
    Object.entries(config.vars).map(([name, value]) => [name, typeof value === "string" ? value : JSON.stringify(value)]),
  );
  const database = config.d1_databases.find((binding) => binding.binding === "DB");
  const bucket = config.r2_buckets.find((binding) => binding.binding === "TRANSCRIPTS");
  return {
    environment,
    workerName: config.name ?? "",
    vars,
    routes,
    workersDev: config.workers_dev,
    previewUrls: config.preview_urls,
    database: database && { name: database.database_name },
    bucket: bucket && { name: bucket.bucket_name, jurisdiction: bucket.jurisdiction },
    hasAiBinding: config.ai?.binding === "AI",
  };
}
