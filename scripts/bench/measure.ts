/** What every benchmark in scripts/bench/ shares: timing, the machine, Markdown and JSON output. */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, totalmem } from "node:os";
import { join } from "node:path";
import { root, wrangler } from "../wrangler.ts";

export interface Timing {
  runs: number;
  medianMs: number;
  p90Ms: number;
}

/** Median (mean of the middle two) and nearest-rank 90th percentile, as the dashboard takes them. */
export function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor((sorted.length - 1) / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle]! + sorted[middle + 1]!) / 2;
  const p90 = sorted[Math.max(0, Math.ceil(0.9 * sorted.length) - 1)]!;
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { runs: sorted.length, medianMs: round(median), p90Ms: round(p90) };
}

/** Calls `call` `warmUp` times untimed, then `runs` times timed (wall clock); returns its last result too. */
export async function time<T>(call: () => Promise<T>, options: { warmUp: number; runs: number }): Promise<Timing & { last: T }> {
  for (let i = 0; i < options.warmUp; i++) await call();
  const samples: number[] = [];
  let last!: T;
  for (let i = 0; i < options.runs; i++) {
    const start = performance.now();
    last = await call();
    samples.push(performance.now() - start);
  }
  return { ...summarise(samples), last };
}

export function machine() {
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8").match(/^model name\s*:\s*(.*)$/m)?.[1];
  return {
    cpus: availableParallelism(),
    cpuModel: cpuinfo ?? cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    wrangler: wrangler(["--version"], { quiet: true }).trim().split("\n").pop() ?? "unknown",
  };
}

export function markdownTable(headers: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}

/** Writes bench-results/<name>.json (ignored by git). Returns its path. */
export function writeResults(name: string, results: unknown): string {
  const folder = join(root, "bench-results");
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `${name}.json`);
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
  return path;
}

/** "loading 36,500 chats… 40%": rewritten in place on a terminal, a line each elsewhere. */
export function progress(text: string, done = false) {
  if (process.stdout.isTTY) process.stdout.write(`\r${text}${done ? "\n" : ""}`);
  else console.log(text);
}
