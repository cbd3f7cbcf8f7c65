/**
 * The /api/* routes: plain HTTP with JSON bodies, answered by Hono. **One app per hostname**
 * (worker/hosts.ts): a route exists only on the host whose app it is mounted in, so adding one
 * means choosing. The victims' hostname has the victim's routes and nothing else; the staff
 * hostname has every staff route, behind Cloudflare Access when the deployment configures it.
 */
import { Hono } from "hono";
import type { Host } from "./hosts";
import { apiError } from "./http/errors";
import { isSameOrigin } from "./http/security";
import { log } from "./log";
import { staffAccess } from "./http/staff-access";
import type { OfficerEnv } from "./http/require-officer";
import { assessmentRoutes } from "./routes/assessments";
import { assistRoutes } from "./routes/assist";
import { chatRecordRoutes } from "./routes/chat-record";
import { conversationRoutes } from "./routes/conversations";
import { earlierChatRoutes } from "./routes/earlier-chats";
import { healthRoutes } from "./routes/health";
import { resumeCodeRoutes } from "./routes/resume-codes";
import { meRoutes } from "./routes/me";
import { quickReplyRoutes } from "./routes/quick-replies";
import { recordRoutes } from "./routes/records";
import { analyticsRoutes } from "./routes/analytics";
import { officerAccountRoutes } from "./routes/officer-accounts";
import { sessionRoutes } from "./routes/session";
import { blockRoutes } from "./routes/blocks";
import { turnstileSettings } from "./abuse/turnstile";
import type { HumanCheckSettings } from "./shared/protocol";

/** What both hosts' apps share: the origin check, the routes both pages need, and calm errors. */
function apiApp(host: Host) {
  const app = new Hono<OfficerEnv>().basePath("/api");

  if (host === "staff") {
    // Under Cloudflare Access nothing on this host answers without a valid token of a known
    // officer; the officer it names is the one signed in, so routes' allowRoles need not look again.
    app.use("*", async (c, next) => {
      const access = await staffAccess(c.req.raw, c.env);
      if (access.kind === "refused") return access.response;
      if (access.kind === "signed-in") c.set("officer", access.officer);
      await next();
    });
  }

  // Anything that changes state must come from our own pages: a cross-site form or script
  // cannot start chats or sign anyone in or out. Each host is its own origin.
  app.use("*", async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD" && !isSameOrigin(c.req.raw)) {
      return apiError(c, 403, "bad-origin", "This request must come from the quietline site.");
    }
    await next();
  });

  /** Whether the pages must show Turnstile's widget before starting a chat or signing in, and its key. */
  app.get("/human-check", (c) => {
    const settings: HumanCheckSettings = { siteKey: turnstileSettings(c.env)?.siteKey ?? null };
    return c.json(settings);
  });
  // For a force's monitoring; it reveals nothing (routes/health.ts).
  app.route("/health", healthRoutes);

  app.notFound((c) => apiError(c, 404, "not-found", "There is nothing here."));
  app.onError((error, c) => {
    // The route pattern, never the path: a path is whatever the caller sent (worker/log.ts).
    log.error("api.unhandled-error", { method: c.req.method, route: c.req.routePath, error });
    return apiError(c, 500, "internal", "Something went wrong on our side. Please try again.");
  });
  return app;
}

/** The victims' hostname: starting a chat, its socket tickets, quick exit and resume codes. */
const victimApi = apiApp("public");
victimApi.route("/conversations", conversationRoutes);
victimApi.route("/conversations", resumeCodeRoutes);

/** The staff hostname: the console, Records, the dashboard and administration. */
const staffApi = apiApp("staff");
staffApi.route("/conversations", earlierChatRoutes);
staffApi.route("/conversations", assessmentRoutes);
staffApi.route("/conversations", assistRoutes);
staffApi.route("/conversations", chatRecordRoutes);
staffApi.route("/session", sessionRoutes);
staffApi.route("/me", meRoutes);
staffApi.route("/quick-replies", quickReplyRoutes);
staffApi.route("/records", recordRoutes);
staffApi.route("/analytics", analyticsRoutes);
staffApi.route("/officers", officerAccountRoutes);
staffApi.route("/blocks", blockRoutes);

export const apiFor: Record<Host, typeof victimApi> = { public: victimApi, staff: staffApi };
