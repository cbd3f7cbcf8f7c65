/**
 * The one Worker, answering two hostnames (worker/hosts.ts): the victims' and the staff's.
 * Static assets (the SvelteKit app), /api/* (Hono, one app per hostname) and /parties/*
 * (WebSockets to Durable Objects). wrangler.toml's run_worker_first sends /api, /parties and
 * the pages and code that differ by hostname (worker/pages.ts) here; every other path is served
 * from assets before this code runs. A hostname that is neither gets nothing.
 */
import { apiFor } from "./api";
import { hostOf } from "./hosts";
import { errorResponse } from "./http/errors";
import { withSecurityHeaders } from "./http/security";
import { servePage } from "./pages";
import { routeParties } from "./parties";
import { runRetention } from "./records/retention";

export { Conversation } from "./rooms/conversation/conversation";
export { Dispatcher } from "./rooms/dispatcher/dispatcher";

export default {
  async fetch(request, env, ctx) {
    const host = hostOf(request, env);
    // 421 Misdirected Request: this server does not answer for that name (workers.dev, a preview URL).
    if (!host) return withSecurityHeaders(errorResponse(421, "unknown-host", "There is nothing here."));
    const { pathname } = new URL(request.url);
    if (pathname.startsWith("/parties/")) return withSecurityHeaders(await routeParties(request, env, host));
    if (pathname.startsWith("/api/")) return withSecurityHeaders(await apiFor[host].fetch(request, env, ctx));
    return servePage(request, env, host);
  },

  /** The daily Cron Trigger (wrangler.toml [triggers]): retention. */
  async scheduled(controller, env) {
    // It logs its own "retention.finished" line (worker/log.ts).
    await runRetention(env, controller.scheduledTime);
  },
} satisfies ExportedHandler<Env>;
