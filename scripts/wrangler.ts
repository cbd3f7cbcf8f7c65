/** Runs the project's own wrangler with telemetry off, failing loudly with its output. */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("..", import.meta.url));

export function wrangler(args: string[], options: { quiet?: boolean } = {}): string {
  try {
    return execFileSync("npx", ["--no-install", "wrangler", ...args], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
      stdio: ["ignore", "pipe", options.quiet ? "pipe" : "inherit"],
    });
  } catch (error) {
    const output = error instanceof Error && "stdout" in error ? String(error.stdout) : "";
    throw new Error(`wrangler ${args.join(" ")} failed\n${output}`);
  }
}

/**
 * The environment of a `wrangler dev` that the tests and benchmarks start: no telemetry, no
 * browser, and no local traces. By default wrangler (4.15x) records every invocation of a local
 * Worker into a trace store that runs on the same workerd thread as the Worker and its Durable
 * Objects; measured with perf at 100 conversations it took about a third of that thread's CPU,
 * work production does not do there (BENCHMARKS.md, "A whole-process profile with perf").
 * `npm start` keeps them for the local explorer.
 */
export function localServerEnv(): NodeJS.ProcessEnv {
  return { ...process.env, WRANGLER_SEND_METRICS: "false", BROWSER: "none", X_LOCAL_OBSERVABILITY: "false" };
}

/** Where a command acts: this machine's local state (optionally a given folder) or an environment on Cloudflare. */
export function targetArgs(target: { remote: boolean; persistTo?: string; environment?: string }): string[] {
  if (target.remote) return ["--remote", ...(target.environment ? ["--env", target.environment] : [])];
  return target.persistTo ? ["--local", "--persist-to", target.persistTo] : ["--local"];
}
