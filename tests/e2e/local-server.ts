/**
 * Starts the service the way `npm start` does, but in a fresh temporary state folder and on a
 * free port, so every run begins empty and nothing is left on the machine afterwards. Like
 * `npm start`, it answers both hostnames: victims on localhost, staff on console.localhost.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createOfficer, type NewOfficer } from "../../scripts/create-officer.ts";
import { localServerEnv, root, wrangler } from "../../scripts/wrangler.ts";

export interface LocalServer {
  /** The victims' hostname: http://localhost:PORT. */
  url: string;
  /** The staff hostname on the same server: http://console.localhost:PORT. */
  staffUrl: string;
  persistTo: string;
  stop(): Promise<void>;
}

/** wrangler.toml's local PUBLIC_HOSTNAME and STAFF_HOSTNAME: one server answers both. */
export const LOCAL_HOSTNAMES = { public: "localhost", staff: "console.localhost" } as const;

/** The same local server's address on the staff hostname (Chromium sends *.localhost to loopback). */
export function staffUrlOf(url: string): string {
  const staff = new URL(url);
  staff.hostname = LOCAL_HOSTNAMES.staff;
  return staff.origin;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(url: string, child: ChildProcess, log: () => string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode}):\n${log()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`wrangler dev was not ready within ${timeoutMs} ms:\n${log()}`);
}

export async function startLocalServer(officers: NewOfficer[], vars: Record<string, string> = {}): Promise<LocalServer> {
  const persistTo = mkdtempSync(join(tmpdir(), "quietline-e2e-"));
  wrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo], { quiet: true });
  for (const officer of officers) await createOfficer(officer, { remote: false, persistTo });
  const { url, stop } = await runWranglerDev(persistTo, Object.entries(vars).flatMap(([name, value]) => ["--var", `${name}:${value}`]));
  return { url, staffUrl: staffUrlOf(url), persistTo, stop };
}

/**
 * `wrangler dev --local` with its state in `persistTo`, on a free port, once it answers (the
 * benchmarks' floor A starts its own Worker this way too, with `--config`). `stop` ends it, and
 * everything it started, and removes the folder.
 */
export async function runWranglerDev(persistTo: string, args: string[]): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  let output = "";
  const child = spawn(
    "npx",
    ["--no-install", "wrangler", "dev", "--local", "--persist-to", persistTo, "--ip", "127.0.0.1", "--port", String(port), ...args],
    { cwd: root, env: localServerEnv(), detached: true },
  );
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  // Node resolves "localhost" from /etc/hosts, not "console.localhost": Node-side clients of the
  // staff hostname go through scripts/loopback.ts (Chromium needs nothing).
  const url = `http://${LOCAL_HOSTNAMES.public}:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      process.kill(-child.pid, "SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null) process.kill(-child.pid, "SIGKILL");
    }
    rmSync(persistTo, { recursive: true, force: true });
  };

  try {
    await waitUntilReady(url, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
