/**
 * The one Worker: static assets (the SvelteKit app), /api/* (Hono) and /parties/* (WebSockets
 * to Durable Objects). wrangler.toml's run_worker_first sends only /api and /parties here;
 * every other path is served from assets before this code runs.
 */
import { api } from "./api";
import { withSecurityHeaders } from "./http/security";
import { routeParties } from "./parties";
import { runRetention } from "./records/retention";

export { Conversation } from "./rooms/conversation";
export { Dispatcher } from "./rooms/dispatcher";

export default {
  async fetch(request, env, ctx) {
    const { pathname } = new URL(request.url);
    if (pathname.startsWith("/parties/")) return withSecurityHeaders(await routeParties(request, env));
    if (pathname.startsWith("/api/")) return withSecurityHeaders(await api.fetch(request, env, ctx));
    return env.ASSETS.fetch(request);
  },

  /** The daily Cron Trigger (wrangler.toml [triggers]): retention. */
  async scheduled(controller, env) {
    const report = await runRetention(env, controller.scheduledTime);
    console.log(`retention: ${report.erased.length} records deleted, ${report.failed.length} left for the next run`);
  },
} satisfies ExportedHandler<Env>;
