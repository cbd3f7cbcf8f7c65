/** What every benchmark in scripts/bench/ shares: timing, the machine, Markdown and JSON output. */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { localServerEnv, root, wrangler } from "../wrangler.ts";

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

export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles, in the samples' unit, to 0.1. */
export function percentiles(samples: number[]): Percentiles {
  const sorted = Float64Array.from(samples).sort();
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? NaN;
  const round = (value: number) => Math.round(value * 10) / 10;
  return { count: sorted.length, p50: round(rank(0.5)), p95: round(rank(0.95)), p99: round(rank(0.99)), max: round(sorted.at(-1) ?? NaN) };
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

/** The median of several runs' figures, with their range. */
export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor((sorted.length - 1) / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle]! + sorted[middle + 1]!) / 2;
  const round = (value: number) => Math.round(value * 10) / 10;
  return { median: round(median), min: round(sorted[0]!), max: round(sorted.at(-1)!) };
}

/** "12.3 (11.9–14.0)": a median and its range across runs; just the figure for one run. */
export function formatSpread(s: Spread): string {
  return s.min === s.max ? String(s.median) : `${s.median} (${s.min}–${s.max})`;
}

/**
 * Replaces the generated part of one benchmark's section in BENCHMARKS.md: everything between
 * `<!-- bench:<name>:start -->` and `<!-- bench:<name>:end -->`. The hand-written text around
 * the markers stays as it is. Short runs never call this: the file records full runs only.
 */
export function writeBenchmarksSection(name: string, markdown: string): void {
  const path = join(root, "BENCHMARKS.md");
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const text = readFileSync(path, "utf8");
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  const generated = `${start}\n<!-- written by \`npm run bench\`; edits here are overwritten -->\n\n${markdown.trim()}\n\n${end}`;
  const next = from >= 0 && to > from ? text.slice(0, from) + generated + text.slice(to + end.length) : `${text.trimEnd()}\n\n${generated}\n`;
  writeFileSync(path, next);
}

/** The machine and what else was running, for a benchmark's report. */
export function machineLine(m: ReturnType<typeof machine>, loadAverageBefore: number): string {
  return `${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}, wrangler ${m.wrangler}; load average ${loadAverageBefore} before the run. ${stateLine()}`;
}

/**
 * Where local servers keep their state (their SQLite files): on disk every stored message costs
 * an fsync, on tmpfs (`TMPDIR=/dev/shm npm run bench`) nothing (BENCHMARKS.md, Delivery). And
 * whether wrangler's local traces ran on the servers' thread (scripts/wrangler.ts, localServerEnv).
 */
function stateLine(): string {
  const folder = tmpdir();
  let memory = false;
  try {
    memory = readFileSync("/proc/mounts", "utf8")
      .split("\n")
      .map((line) => line.split(" "))
      .some(([, mount, type]) => mount && type === "tmpfs" && (folder === mount || folder.startsWith(`${mount}/`)));
  } catch {
    // Not Linux: said as a folder only.
  }
  return `Local state in ${folder}${memory ? " (tmpfs: in memory)" : " (on disk)"}; wrangler's local traces ${localServerEnv().X_LOCAL_OBSERVABILITY === "false" ? "off" : "on"}.`;
}
