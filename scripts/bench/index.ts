/**
 * Runs the benchmarks listed below, one after another; each prints a Markdown table and writes
 * bench-results/<name>.json. BENCHMARKS.md records a run and how to read it.
 *
 *   npm run bench                      every benchmark, full size
 *   npm run bench -- --only analytics  one benchmark
 *   npm run bench -- --short           a quick run of each (smaller data, fewer calls), for CI
 */
import { parseArgs } from "node:util";
import { analyticsBenchmark } from "./analytics.ts";

const BENCHMARKS: Record<string, (options: { short: boolean }) => Promise<void>> = {
  analytics: analyticsBenchmark,
};

const { values } = parseArgs({ options: { only: { type: "string" }, short: { type: "boolean", default: false } } });
if (values.only !== undefined && !(values.only in BENCHMARKS)) {
  console.error(`No benchmark "${values.only}"; there are: ${Object.keys(BENCHMARKS).join(", ")}`);
  process.exit(1);
}
for (const [name, run] of Object.entries(BENCHMARKS)) {
  if (values.only !== undefined && values.only !== name) continue;
  console.log(`## ${name}${values.short ? " (short)" : ""}\n`);
  await run({ short: values.short });
}
