/**
 * GET /api/health, for a force's monitoring: is the Worker up, which version, and does D1
 * answer. 200 with `status: "ok"` when it does, 503 with `status: "degraded"` when it does not.
 * It says nothing else: no counts, no data, no configuration, and no error detail (that goes to
 * the log, as an event line). It answers on both hostnames, since it reveals nothing, and is
 * never cached, so every probe is a real one.
 */
import { Hono } from "hono";
import { log } from "../log";
import { BUILD_VERSION } from "../version";

/** Longer than D1 takes when well, short enough that a monitor's own timeout is not reached first. */
const D1_TIMEOUT_MS = 3_000;

/** The answer's shape: monitoring tools match on `status`, people read `version`. */
export type HealthReport =
  | { status: "ok"; version: string; checks: { d1: "ok" } }
  | { status: "degraded"; version: string; checks: { d1: "unreachable" } };

export const healthRoutes = new Hono<{ Bindings: Env }>();

async function d1Answers(db: D1Database): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("D1 did not answer in time")), D1_TIMEOUT_MS);
  });
  try {
    const row = await Promise.race([db.prepare("SELECT 1 AS up").first<{ up: number }>(), timeout]);
    return row?.up === 1;
  } catch (error) {
    log.error("health.d1-unreachable", { error });
    return false;
  } finally {
    clearTimeout(timer);
  }
}

healthRoutes.get("/", async (c) => {
  c.header("Cache-Control", "no-store");
  const report: HealthReport = (await d1Answers(c.env.DB))
    ? { status: "ok", version: BUILD_VERSION, checks: { d1: "ok" } }
    : { status: "degraded", version: BUILD_VERSION, checks: { d1: "unreachable" } };
  return c.json(report, report.status === "ok" ? 200 : 503);
});
