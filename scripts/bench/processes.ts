/**
 * The processes behind a local server, read from /proc (Linux): memory (VmRSS) and CPU time.
 * `wrangler dev` runs as `npx wrangler dev --persist-to <folder> …`, which starts node
 * (wrangler) and that starts workerd; the server's folder, unique per run, finds the tree.
 */
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function read(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null; // the process has gone
  }
}

function parentOf(pid: number): number | null {
  const stat = read(`/proc/${pid}/stat`);
  // The command name (field 2) may hold spaces; fields after its closing parenthesis are fixed.
  const fields = stat?.slice(stat.lastIndexOf(")") + 2).split(" ");
  return fields ? Number(fields[1]) : null;
}

export function commandOf(pid: number): string {
  return (read(`/proc/${pid}/cmdline`) ?? "").replaceAll("\0", " ").trim();
}

/** Every process whose command line mentions `marker`, and all their descendants. */
export function processTree(marker: string): number[] {
  const pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name)).map(Number);
  const parents = new Map(pids.map((pid) => [pid, parentOf(pid)]));
  const roots = new Set(pids.filter((pid) => pid !== process.pid && commandOf(pid).includes(marker)));
  const inTree = (pid: number): boolean => {
    for (let p: number | null | undefined = pid; p; p = parents.get(p)) if (roots.has(p)) return true;
    return false;
  };
  return pids.filter(inTree);
}

/** The workerd processes of the local server whose state folder is `persistTo`. */
export function workerdOf(persistTo: string): number[] {
  const pids = processTree(persistTo).filter((pid) => /(^|\/)workerd\b/.test(commandOf(pid).split(" ")[0] ?? ""));
  if (pids.length === 0) throw new Error(`no workerd process found under the server in ${persistTo}`);
  return pids;
}

/**
 * Which workerd a process is: wrangler runs two, the runtime with the Worker and its Durable
 * Objects (started with an inspector address) and an entry proxy in front of it, through which
 * every request and WebSocket from outside passes.
 */
export function workerdRole(pid: number): "runtime" | "proxy" {
  return commandOf(pid).includes("--inspector-addr") ? "runtime" : "proxy";
}

/** Resident memory (VmRSS) of these processes together, in KiB. */
export function rssKiB(pids: number[]): number {
  return pids.reduce((total, pid) => total + Number(/^VmRSS:\s+(\d+) kB/m.exec(read(`/proc/${pid}/status`) ?? "")?.[1] ?? 0), 0);
}

/** CPU time (user + system) these processes have used, in seconds. */
export function cpuSeconds(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    const stat = read(`/proc/${pid}/stat`);
    const fields = stat?.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (fields) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / TICKS_PER_SECOND;
}
