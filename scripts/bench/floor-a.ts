/**
 * Starts floor A (floor-a/worker.ts) as tests/e2e/local-server.ts starts quietline: its own
 * `wrangler dev --local` in a fresh temporary state folder, on a free port, so its workerd can be
 * found and measured the same way (processes.ts finds it by the folder).
 *
 *   npx wrangler dev --local --config scripts/bench/floor-a/wrangler.toml   to run it by hand
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runWranglerDev } from "../../tests/e2e/local-server.ts";

export interface FloorA {
  /** The victims' hostname; officers connect on staffUrlOf(url). */
  url: string;
  persistTo: string;
  stop(): Promise<void>;
}

const CONFIG = "scripts/bench/floor-a/wrangler.toml";

/** `store`: floor B, which stores each message before acknowledging it (floor-a/worker.ts). */
export async function startFloorA({ store = false } = {}): Promise<FloorA> {
  const persistTo = mkdtempSync(join(tmpdir(), "quietline-bench-floor-a-"));
  const { url, stop } = await runWranglerDev(persistTo, ["--config", CONFIG, ...(store ? ["--var", "STORE:1"] : [])]);
  return { url, persistTo, stop };
}
