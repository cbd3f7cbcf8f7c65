/**
 * Runs the benchmarks listed below, one after another; each prints a Markdown table and writes
 * bench-results/<name>.json. A full run also rewrites its generated part of BENCHMARKS.md
 * (between `<!-- bench:<name>:start -->` and `end`); a short run never touches the file.
 *
 *   npm run bench                      every benchmark, full size
 *   npm run bench -- --only delivery   one benchmark
 *   npm run bench -- --short           a quick run of each (smaller data, fewer calls)
 *   npm run bench:ci                   the delivery check for CI: fails if a message is lost or doubled
 */
import { parseArgs } from "node:util";
import { analyticsBenchmark } from "./analytics.ts";
import { browserBenchmark } from "./browser.ts";
import { capacityBenchmark } from "./capacity.ts";
import { deliveryBenchmark } from "./delivery.ts";
import { endBenchmark } from "./end.ts";
import { languageIdBenchmark } from "./language-id.ts";
import { memoryBenchmark } from "./memory.ts";
import { pageBenchmark } from "./page.ts";
import { riskCuesBenchmark } from "./risk-cues.ts";

const BENCHMARKS: Record<string, (options: { short: boolean }) => Promise<void>> = {
  delivery: deliveryBenchmark,
  capacity: capacityBenchmark,
  end: endBenchmark,
  memory: memoryBenchmark,
  page: pageBenchmark,
  browser: browserBenchmark,
  analytics: analyticsBenchmark,
  "language-id": languageIdBenchmark,
  "risk-cues": riskCuesBenchmark,
};

const { values } = parseArgs({ options: { only: { type: "string" }, short: { type: "boolean", default: false } } });
if (values.only !== undefined && !(values.only in BENCHMARKS)) {
  console.error(`No benchmark "${values.only}"; there are: ${Object.keys(BENCHMARKS).join(", ")}`);
  process.exit(1);
}
// A benchmark that fails (a lost message, say) does not stop the others; the run still fails at the end.
const started = performance.now();
const failed: string[] = [];
for (const [name, run] of Object.entries(BENCHMARKS)) {
  if (values.only !== undefined && values.only !== name) continue;
  console.log(`## ${name}${values.short ? " (short)" : ""}\n`);
  try {
    await run({ short: values.short });
  } catch (error) {
    console.error(`\n${name} FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
    failed.push(name);
  }
}
console.log(`\nDone in ${Math.round((performance.now() - started) / 1000)} s.${failed.length ? ` Failed: ${failed.join(", ")}.` : ""}`);
if (failed.length > 0) process.exit(1);
