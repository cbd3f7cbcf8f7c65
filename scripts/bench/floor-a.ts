/**
 * Starts floor A (floor-a/worker.ts) as tests/e2e/local-server.ts starts quietline: its own
 * `wrangler dev --local` in a fresh temporary state folder, on a free port, so its workerd can be
 * found and measured the same way (processes.ts finds it by the folder).
 *
 *   npx wrangler dev --local --config scripts/bench/floor-a/wrangler.toml   to run it by hand
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { localServerEnv, root } from "../wrangler.ts";

export interface FloorA {
  /** The victims' hostname; officers connect on staffUrlOf(url). */
  url: string;
  persistTo: string;
  stop(): Promise<void>;
}

const CONFIG = "scripts/bench/floor-a/wrangler.toml";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** `store`: floor B, which stores each message before acknowledging it (floor-a/worker.ts). */
export async function startFloorA({ store = false, timeoutMs = 90_000 } = {}): Promise<FloorA> {
  const persistTo = mkdtempSync(join(tmpdir(), "quietline-bench-floor-a-"));
  const port = await freePort();
  let output = "";
  const child = spawn(
    "npx",
    ["--no-install", "wrangler", "dev", "--local", "--config", CONFIG, "--persist-to", persistTo, "--ip", "127.0.0.1", "--port", String(port), ...(store ? ["--var", "STORE:1"] : [])],
    { cwd: root, env: localServerEnv(), detached: true },
  );
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const url = `http://localhost:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      process.kill(-child.pid, "SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null) process.kill(-child.pid, "SIGKILL");
    }
    rmSync(persistTo, { recursive: true, force: true });
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(url)).ok) return { url, persistTo, stop };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`floor A did not start (wrangler dev ${child.exitCode === null ? "not ready" : `exited ${child.exitCode}`}):\n${output}`);
}
