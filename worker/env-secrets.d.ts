/**
 * Settings a deployment may add that wrangler.toml does not list, so `wrangler types` cannot
 * see them: secrets (`wrangler secret put NAME`) and optional vars. See README "What is
 * configured where".
 */
interface DeploymentSecrets {
  /** Key for the keyed hash of a caller's source (worker/abuse/source.ts); 32+ characters. */
  SOURCE_KEY?: string;
  /** Turnstile (worker/abuse/turnstile.ts): on when both are set. */
  TURNSTILE_SITE_KEY?: string;
  TURNSTILE_SECRET_KEY?: string;
  /** Honoured only with one of Cloudflare's published test secrets: tests' own Siteverify. */
  TURNSTILE_TEST_SITEVERIFY_URL?: string;
}
interface Env extends DeploymentSecrets {}
declare namespace Cloudflare {
  interface Env extends DeploymentSecrets {}
}
