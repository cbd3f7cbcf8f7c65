/**
 * `npm run deploy -- --env …` refuses before it acts, naming each missing or inconsistent piece.
 * These run the deploy's checks (scripts/deploy/preflight.ts) against wrangler.toml's own
 * environments, changed one piece at a time, and against what Cloudflare might report, so no
 * account is needed.
 */
import { describe, expect, it } from "vitest";
import {
  chooseEnvironment,
  configRefusals,
  remoteRefusals,
  sharedRefusals,
  type RemoteFacts,
} from "../../scripts/deploy/preflight.ts";
import { environmentsIn, readTarget, type DeployTarget } from "../../scripts/deploy/target.ts";

/**
 * A force's production environment, complete. Written out here rather than read from
 * wrangler.toml, whose hostnames and names each force changes.
 */
function production(change: (target: DeployTarget) => void = () => {}): DeployTarget {
  const target: DeployTarget = {
    environment: "production",
    workerName: "quietline",
    vars: {
      PUBLIC_HOSTNAME: "help.thames-valley.police.uk",
      STAFF_HOSTNAME: "console.thames-valley.police.uk",
      DATA_JURISDICTION: "eu",
      TRANSLATION_PROVIDER: "workers-ai",
    },
    routes: [
      { pattern: "help.thames-valley.police.uk", customDomain: true },
      { pattern: "console.thames-valley.police.uk", customDomain: true },
    ],
    workersDev: false,
    previewUrls: false,
    database: { name: "quietline-production" },
    bucket: { name: "quietline-production-transcripts", jurisdiction: "eu" },
    hasAiBinding: true,
  };
  change(target);
  return target;
}

/** Everything a first deploy needs, present. */
function ready(change: Partial<RemoteFacts> = {}): RemoteFacts {
  return { secretNames: ["SOURCE_KEY"], database: { exists: true, jurisdiction: "eu" }, bucketExists: true, pendingMigrations: [], ...change };
}

const refusedFor = (target: DeployTarget) => configRefusals(target).join("\n");
const refusedRemotely = (facts: RemoteFacts, target = production()) => remoteRefusals(target, facts).refusals.join("\n");

describe("choosing the environment", () => {
  it("asks which environment when none is given, naming those wrangler.toml has", () => {
    expect(chooseEnvironment(undefined, ["staging", "production"])).toEqual({
      refusal: "Say which environment, for example: npm run deploy -- --env staging (wrangler.toml has: staging, production).",
    });
  });

  it("refuses an environment wrangler.toml does not have", () => {
    expect(chooseEnvironment("prod", ["staging", "production"])).toEqual({
      refusal: 'There is no environment "prod" in wrangler.toml; it has: staging, production.',
    });
    expect(chooseEnvironment("staging", ["staging", "production"])).toEqual({ environment: "staging" });
  });
});

describe("wrangler.toml as shipped", () => {
  it("has staging and production, each complete but for the force's own hostnames", () => {
    expect(environmentsIn()).toEqual(["staging", "production"]);
    for (const environment of environmentsIn()) {
      expect(configRefusals(readTarget(environment), { examplesAllowed: true })).toEqual([]);
    }
    expect(sharedRefusals(environmentsIn().map((environment) => readTarget(environment)))).toEqual([]);
  });

});

describe("a force's environment", () => {
  it("deploys with its own hostnames, secrets, database and bucket", () => {
    expect(configRefusals(production())).toEqual([]);
    expect(remoteRefusals(production(), ready())).toEqual({ refusals: [], notices: [] });
  });

  it("refuses to deploy the example hostnames wrangler.toml ships with", () => {
    const refused = refusedFor(
      production((t) => {
        t.vars.PUBLIC_HOSTNAME = "help.example-force.police.uk";
        t.vars.STAFF_HOSTNAME = "console.example-force.police.uk";
        t.routes = [
          { pattern: "help.example-force.police.uk", customDomain: true },
          { pattern: "console.example-force.police.uk", customDomain: true },
        ];
      }),
    );
    expect(refused).toContain('PUBLIC_HOSTNAME is still the example "help.example-force.police.uk"');
    expect(refused).toContain('STAFF_HOSTNAME is still the example "console.example-force.police.uk"');
  });
});

describe("refusing on wrangler.toml alone", () => {
  it("names a hostname that is not set", () => {
    expect(refusedFor(production((t) => delete t.vars.STAFF_HOSTNAME))).toContain(
      "STAFF_HOSTNAME (the staff hostname) is not set in [env.production.vars] of wrangler.toml.",
    );
  });

  it("refuses one hostname for both victims and staff", () => {
    const refused = refusedFor(production((t) => (t.vars.STAFF_HOSTNAME = "help.thames-valley.police.uk")));
    expect(refused).toContain('PUBLIC_HOSTNAME and STAFF_HOSTNAME are both "help.thames-valley.police.uk"');
  });

  it("names a hostname without its custom domain", () => {
    const refused = refusedFor(production((t) => (t.routes = t.routes.filter((route) => !route.pattern.startsWith("console.")))));
    expect(refused).toContain(
      'STAFF_HOSTNAME "console.thames-valley.police.uk" has no custom domain: add { pattern = "console.thames-valley.police.uk", custom_domain = true } to routes in [env.production].',
    );
  });

  it("refuses an address given as a hostname, and a route the Worker would not answer", () => {
    const refused = refusedFor(
      production((t) => {
        t.vars.PUBLIC_HOSTNAME = "https://help.thames-valley.police.uk/";
        t.routes.push({ pattern: "thames-valley.police.uk/*", customDomain: false });
      }),
    );
    expect(refused).toContain('PUBLIC_HOSTNAME "https://help.thames-valley.police.uk/" is not a hostname');
    expect(refused).toContain('The route "thames-valley.police.uk/*" in [env.production] is neither PUBLIC_HOSTNAME nor STAFF_HOSTNAME');
  });

  it("refuses workers.dev and preview URLs", () => {
    const refused = refusedFor(
      production((t) => {
        t.workersDev = undefined;
        t.previewUrls = true;
      }),
    );
    expect(refused).toContain("workers_dev must be false in [env.production]");
    expect(refused).toContain("preview_urls must be false in [env.production]");
  });

  it("asks for a data-location choice, and refuses one it cannot keep", () => {
    expect(refusedFor(production((t) => delete t.vars.DATA_JURISDICTION))).toContain(
      'DATA_JURISDICTION is not set in [env.production.vars]: choose where the data lives ("eu" or "" for none) before the first deploy.',
    );
    expect(refusedFor(production((t) => (t.vars.DATA_JURISDICTION = "uk")))).toContain(
      'DATA_JURISDICTION "uk" in [env.production.vars] is not one this service can keep data in',
    );
  });

  it("refuses an R2 bucket outside the chosen jurisdiction", () => {
    const refused = refusedFor(production((t) => (t.bucket = { name: "quietline-production-transcripts", jurisdiction: undefined })));
    expect(refused).toContain(
      'The R2 bucket "quietline-production-transcripts" has no jurisdiction but DATA_JURISDICTION is "eu": add jurisdiction = "eu" to its [[env.production.r2_buckets]].',
    );
  });

  it("refuses a secret written as a var", () => {
    expect(refusedFor(production((t) => (t.vars.SOURCE_KEY = "not-secret-at-all")))).toContain(
      "SOURCE_KEY is a var in [env.production.vars], readable by anyone with the repository: remove it and set it with npx wrangler secret put SOURCE_KEY --env production.",
    );
  });

  it("names what translation lacks", () => {
    expect(refusedFor(production((t) => (t.vars.TRANSLATION_PROVIDER = "libretranslate")))).toContain(
      'TRANSLATION_PROVIDER is "libretranslate" but LIBRETRANSLATE_URL is not set in [env.production.vars].',
    );
    expect(
      refusedFor(
        production((t) => {
          t.vars.TRANSLATION_PROVIDER = "libretranslate";
          t.vars.LIBRETRANSLATE_URL = "http://translate.thames-valley.police.uk";
        }),
      ),
    ).toContain('LIBRETRANSLATE_URL "http://translate.thames-valley.police.uk" must start with https://');
    expect(refusedFor(production((t) => (t.hasAiBinding = false)))).toContain(
      'TRANSLATION_PROVIDER is "workers-ai" but [env.production] has no AI binding',
    );
  });

  it("refuses environments sharing a Worker, a database or a bucket", () => {
    const staging = production((t) => {
      t.environment = "staging";
      t.vars.PUBLIC_HOSTNAME = "help.staging.thames-valley.police.uk";
      t.vars.STAFF_HOSTNAME = "console.staging.thames-valley.police.uk";
      t.bucket = { name: "quietline-staging-transcripts", jurisdiction: "eu" };
    });
    const refused = sharedRefusals([staging, production()]).join("\n");
    expect(refused).toContain('[env.staging] and [env.production] have the same Worker name "quietline"');
    expect(refused).toContain('[env.staging] and [env.production] have the same D1 database "quietline-production"');
  });
});

describe("refusing on what Cloudflare has", () => {
  it("names SOURCE_KEY when it is not set, as on a Worker never deployed", () => {
    expect(refusedRemotely(ready({ secretNames: [] }))).toContain("The secret SOURCE_KEY is not set: npx wrangler secret put SOURCE_KEY --env production");
  });

  it("refuses Turnstile's site key without its secret, and the secret without the key", () => {
    const withKey = production((t) => (t.vars.TURNSTILE_SITE_KEY = "0x4AAAAAAAB"));
    expect(refusedRemotely(ready(), withKey)).toContain(
      "TURNSTILE_SITE_KEY is set but its secret is not: npx wrangler secret put TURNSTILE_SECRET_KEY --env production.",
    );
    expect(refusedRemotely(ready({ secretNames: ["SOURCE_KEY", "TURNSTILE_SECRET_KEY"] }))).toContain(
      "The secret TURNSTILE_SECRET_KEY is set but TURNSTILE_SITE_KEY is not",
    );
    expect(refusedRemotely(ready({ secretNames: ["SOURCE_KEY", "TURNSTILE_SECRET_KEY"] }), withKey)).toBe("");
  });

  it("refuses Access half set, either half", () => {
    expect(refusedRemotely(ready(), production((t) => (t.vars.ACCESS_TEAM_DOMAIN = "thames-valley.cloudflareaccess.com")))).toContain(
      "ACCESS_TEAM_DOMAIN is set but ACCESS_AUD is not",
    );
    expect(refusedRemotely(ready({ secretNames: ["SOURCE_KEY", "ACCESS_AUD"] }))).toContain("ACCESS_AUD is set but ACCESS_TEAM_DOMAIN is not");
  });

  it("sends a missing database or bucket to npm run setup, so a deploy never makes them outside the jurisdiction", () => {
    const refused = refusedRemotely(ready({ database: { exists: false }, bucketExists: false }));
    expect(refused).toContain(
      'The D1 database "quietline-production" does not exist yet: npm run setup -- --env production creates it (in DATA_JURISDICTION)',
    );
    expect(refused).toContain('The R2 bucket "quietline-production-transcripts" does not exist yet: npm run setup -- --env production creates it.');
  });

  it("refuses a database made in another jurisdiction", () => {
    expect(refusedRemotely(ready({ database: { exists: true, jurisdiction: null } }))).toContain(
      'The D1 database "quietline-production" is in jurisdiction "none" but DATA_JURISDICTION is "eu"',
    );
  });

  it("says which migrations it will apply, without refusing", () => {
    expect(remoteRefusals(production(), ready({ pendingMigrations: ["0011_trust.sql", "0012_next.sql"] }))).toEqual({
      refusals: [],
      notices: ['These D1 migrations will be applied to "quietline-production" first: 0011_trust.sql, 0012_next.sql.'],
    });
  });

  it("names every missing piece at once", () => {
    const { refusals } = remoteRefusals(
      production((t) => (t.vars.TURNSTILE_SITE_KEY = "0x4AAAAAAAB")),
      ready({ secretNames: [], database: { exists: false }, bucketExists: false }),
    );
    expect(refusals).toHaveLength(4);
  });
});
