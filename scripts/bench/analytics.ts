/**
 * How long the service dashboard takes to answer with a year of data. For each scale (the
 * pilot's, taken as 3,650 chats a year, and ten times that) it generates a year to yesterday
 * (analytics-data.ts, seeded), starts a fresh `wrangler dev --local` as the e2e tests do, loads
 * the rows into its local D1 with `wrangler d1 execute --file`, signs in as an admin and times
 * GET /api/analytics/dashboard for the last 7 days, the last 28 and the whole year, and
 * GET /api/analytics/live: warm-up calls, then timed calls, median and 90th percentile of the
 * wall-clock round trip. Each answer's `started` must equal the chats generated for the period.
 *
 *   npm run bench -- --only analytics [--short]
 *   node scripts/bench/analytics.ts [--short]     --short: the pilot's scale only, fewer calls
 *
 * Prints a Markdown table and writes bench-results/analytics.json. Needs `npm run build` first.
 * Local D1 is SQLite inside miniflare: absolute times differ from Cloudflare's; the growth with
 * the amount of data is what to read.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Zone } from "../../worker/shared/time-zone.ts";
import { startLocalServer } from "../../tests/e2e/local-server.ts";
import { fetchLocal } from "../loopback.ts";
import { root, targetArgs, wrangler } from "../wrangler.ts";
import { generate, sqlParts } from "./analytics-data.ts";
import { machine, markdownTable, progress, time, writeResults, type Timing } from "./measure.ts";

const PILOT_CHATS_A_YEAR = 3_650;
const SCALES = [
  { name: "pilot", chats: PILOT_CHATS_A_YEAR, officers: 8 },
  { name: "10× pilot", chats: 10 * PILOT_CHATS_A_YEAR, officers: 30 },
];
const ADMIN = { email: "bench.admin@bench.test", displayName: "Bench Admin", role: "admin", password: "bench admin password" } as const;
const CHATS_PER_FILE = 4_000;
const DAY_MS = 86_400_000;

export const ASSUMPTIONS = [
  `The pilot's scale is ${PILOT_CHATS_A_YEAR.toLocaleString("en-GB")} chats a year (10 a day); ten times that is ${(10 * PILOT_CHATS_A_YEAR).toLocaleString("en-GB")}.`,
  "More chats in the evening and at weekends; 27.5% returning; 10% give up waiting; waits median about 2.5 minutes with a tail to an hour; lengths averaging about 40 minutes; 13 languages, English about 70%.",
  "About 4 queue events per chat (joined, offered, accepted or abandoned, ended); officers (8 at the pilot's scale, 30 at ten times) on early, late and night shifts, most with a break.",
  "The year is the 365 local days (Europe/London) to yesterday; no messages are loaded (the dashboard never reads them).",
];

interface Row extends Timing {
  scale: string;
  chats: number;
  request: string;
  from: string | null;
  to: string | null;
  started: number | null;
}

const dayAfter = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

export async function analyticsBenchmark(options: { short: boolean }): Promise<void> {
  if (!existsSync(join(root, "app/build/index.html"))) throw new Error("run `npm run build` first: wrangler dev serves app/build");
  // Other work on the machine shows in the times, so the load average before starting goes with them.
  const loadAverageBefore = Math.round(loadavg()[0]! * 10) / 10;
  console.log(`load average before the run: ${loadAverageBefore} (${availableParallelism()} CPUs)`);
  const zone = new Zone("Europe/London");
  const lastDay = dayAfter(zone.at(Date.now()).date, -1);
  const calls = options.short ? { warmUp: 1, runs: 5 } : { warmUp: 2, runs: 15 };
  const scales = options.short ? SCALES.slice(0, 1) : SCALES;
  const rows: Row[] = [];
  const sizes: Record<string, unknown>[] = [];

  for (const scale of scales) {
    const data = generate({ chats: scale.chats, officers: scale.officers, lastDay, zone });
    const server = await startLocalServer([ADMIN]);
    const sqlFolder = mkdtempSync(join(tmpdir(), "quietline-bench-"));
    const stopOnSignal = () => void server.stop().finally(() => process.exit(130));
    process.once("SIGINT", stopOnSignal).once("SIGTERM", stopOnSignal);
    try {
      const label = `loading ${scale.chats.toLocaleString("en-GB")} chats…`;
      const started = performance.now();
      let loaded = 0;
      progress(`${label} 0%`);
      for (const [i, part] of sqlParts(data, CHATS_PER_FILE).entries()) {
        const file = join(sqlFolder, `part-${i}.sql`);
        writeFileSync(file, part.sql);
        wrangler(["d1", "execute", "DB", ...targetArgs({ remote: false, persistTo: server.persistTo }), "--file", file], { quiet: true });
        rmSync(file);
        loaded += part.chats;
        progress(`${label} ${Math.round((100 * loaded) / scale.chats)}%`, loaded === scale.chats);
      }
      const loadSeconds = Math.round((performance.now() - started) / 100) / 10;
      sizes.push({ scale: scale.name, chats: data.chats.length, queueEvents: data.queueEvents.length, officers: data.officers.length, dutyEvents: data.dutyEvents.length, loadSeconds });
      console.log(`  ${data.queueEvents.length.toLocaleString("en-GB")} queue events, ${data.dutyEvents.length.toLocaleString("en-GB")} duty events; loaded in ${loadSeconds} s`);

      // Staff routes answer on the staff hostname only.
      const cookie = await signIn(server.staffUrl);
      const get = async (path: string) => {
        const response = await fetchLocal(`${server.staffUrl}${path}`, { headers: { Cookie: cookie } });
        if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
        return (await response.json()) as { started?: number };
      };
      const periods = [
        { name: "last 7 days", from: dayAfter(lastDay, -6) },
        { name: "last 28 days", from: dayAfter(lastDay, -27) },
        { name: "whole year", from: data.from },
      ];
      for (const period of periods) {
        const expected = data.chats.filter((c) => zone.at(c.createdAt).date >= period.from).length;
        const timing = await time(() => get(`/api/analytics/dashboard?from=${period.from}&to=${lastDay}`), calls);
        if (timing.last.started !== expected) throw new Error(`${period.name}: the dashboard counted ${timing.last.started} chats, not ${expected}`);
        const { last: _, ...figures } = timing;
        rows.push({ scale: scale.name, chats: scale.chats, request: `dashboard, ${period.name}`, from: period.from, to: lastDay, started: expected, ...figures });
      }
      const { last: _, ...live } = await time(() => get("/api/analytics/live"), calls);
      rows.push({ scale: scale.name, chats: scale.chats, request: "live", from: null, to: null, started: null, ...live });
    } finally {
      process.off("SIGINT", stopOnSignal).off("SIGTERM", stopOnSignal);
      await server.stop();
      rmSync(sqlFolder, { recursive: true, force: true });
    }
  }

  const table = markdownTable(
    ["scale", "chats a year", "request", "started", "median ms", "p90 ms", "calls"],
    rows.map((r) => [r.scale, r.chats.toLocaleString("en-GB"), r.request, r.started?.toLocaleString("en-GB") ?? "—", r.medianMs, r.p90Ms, r.runs]),
  );
  console.log(`\nAnalytics (${ASSUMPTIONS[0]} Local D1, round trip from Node.)\n\n${table}\n`);
  const path = writeResults("analytics", { at: new Date().toISOString(), short: options.short, machine: { ...machine(), loadAverageBefore }, assumptions: ASSUMPTIONS, calls, data: sizes, results: rows });
  console.log(`Written to ${path}`);
}

/** Signs in the way the console does; returns the session cookie to send. */
async function signIn(url: string): Promise<string> {
  const response = await fetchLocal(`${url}/api/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: url },
    body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
  });
  const cookie = response.headers.getSetCookie()[0]?.split(";")[0];
  if (!response.ok || !cookie) throw new Error(`signing in failed: ${response.status} ${await response.text()}`);
  return cookie;
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { short: { type: "boolean", default: false } } });
  await analyticsBenchmark({ short: values.short });
}
