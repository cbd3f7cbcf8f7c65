/**
 * The service dashboard, for supervisors and admins: figures for a period of local days
 * (default: the last 28, to today) and the live picture from the Dispatcher.
 */
import { Hono } from "hono";
import { dashboard } from "../analytics/dashboard";
import { Zone } from "../shared/time-zone";
import { serviceTimeZone } from "../config";
import { apiError } from "../http/errors";
import { allow, type OfficerEnv } from "../http/require-officer";
import { getDispatcher } from "../rooms/stubs";
import { DashboardQuery } from "../shared/protocol";

export const analyticsRoutes = new Hono<OfficerEnv>();

/** A year and a leap day, with room for a whole calendar year's comparison. */
const MAX_DAYS = 400;
const DAY_MS = 86_400_000;

analyticsRoutes.use("*", allow("see-service", "The service dashboard is for supervisors and admins."));

analyticsRoutes.get("/dashboard", async (c) => {
  const zone = Zone.named(serviceTimeZone(c.env));
  const now = Date.now();
  const today = zone.at(now).date;
  const query = DashboardQuery.safeParse({
    from: c.req.query("from") ?? new Date(Date.parse(`${today}T00:00:00Z`) - 27 * DAY_MS).toISOString().slice(0, 10),
    to: c.req.query("to") ?? today,
  });
  if (!query.success) return apiError(c, 400, "bad-request", query.error.issues[0]?.message ?? "Give dates as YYYY-MM-DD.");
  const { from, to } = query.data;
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;
  if (!Number.isFinite(days) || days < 1) return apiError(c, 400, "bad-request", "The period must end on or after the day it starts.");
  if (days > MAX_DAYS) return apiError(c, 400, "bad-request", `Choose a period of at most ${MAX_DAYS} days.`);
  return c.json(await dashboard(c.env.DB, zone, from, to, now));
});

analyticsRoutes.get("/live", async (c) => {
  return c.json(await (await getDispatcher(c.env)).liveFigures());
});
