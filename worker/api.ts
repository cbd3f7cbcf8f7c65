/** The /api/* routes: plain HTTP with JSON bodies, answered by Hono. */
import { Hono } from "hono";
import { apiError } from "./http/errors";
import { isSameOrigin } from "./http/security";
import { assessmentRoutes } from "./routes/assessments";
import { conversationRoutes } from "./routes/conversations";
import { earlierRoutes } from "./routes/earlier";
import { resumeCodeRoutes } from "./routes/resume-codes";
import { officerRoutes } from "./routes/officer";
import { quickReplyRoutes } from "./routes/quick-replies";
import { recordRoutes } from "./routes/records";
import { analyticsRoutes } from "./routes/analytics";
import { officerAdminRoutes } from "./routes/officers";
import { sessionRoutes } from "./routes/session";
import { blockRoutes } from "./routes/blocks";
import { turnstileSettings } from "./abuse/turnstile";
import type { HumanCheckSettings } from "./shared/protocol";

export const api = new Hono<{ Bindings: Env }>().basePath("/api");

// Anything that changes state must come from our own pages: a cross-site form or script
// cannot start chats or sign anyone in or out.
api.use("*", async (c, next) => {
  if (c.req.method !== "GET" && c.req.method !== "HEAD" && !isSameOrigin(c.req.raw)) {
    return apiError(c, 403, "bad-origin", "This request must come from the quietline site.");
  }
  await next();
});

/** Whether the pages must show Turnstile's widget before starting a chat or signing in, and its key. */
api.get("/human-check", (c) => {
  const settings: HumanCheckSettings = { siteKey: turnstileSettings(c.env)?.siteKey ?? null };
  return c.json(settings);
});

api.route("/conversations", conversationRoutes);
api.route("/conversations", resumeCodeRoutes);
api.route("/conversations", earlierRoutes);
api.route("/conversations", assessmentRoutes);
api.route("/session", sessionRoutes);
api.route("/me", officerRoutes);
api.route("/quick-replies", quickReplyRoutes);
api.route("/records", recordRoutes);
api.route("/analytics", analyticsRoutes);
api.route("/officers", officerAdminRoutes);
api.route("/blocks", blockRoutes);

api.notFound((c) => apiError(c, 404, "not-found", "There is nothing here."));

api.onError((error, c) => {
  console.error("unhandled error in", c.req.method, new URL(c.req.url).pathname, error);
  return apiError(c, 500, "internal", "Something went wrong on our side. Please try again.");
});
