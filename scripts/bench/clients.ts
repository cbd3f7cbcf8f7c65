/**
 * Simulated victims and officers for the load benchmarks, speaking quietline's real protocol
 * from Node with the `ws` package, the way the pages do: a victim starts a chat
 * (POST /api/conversations), trades its token for a single-use ticket and connects to
 * /parties/conversation/<id>; an officer signs in (POST /api/session, cookie), keeps the queue
 * socket (/parties/dispatcher/service) open, accepts a waiting chat there and connects to the
 * conversation. Every person arrives from their own address (CF-Connecting-IP, which
 * `wrangler dev --local` passes through) and sends the site's own Origin, as a browser would.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import WebSocket from "ws";
import { hashPassword } from "../../worker/auth/passwords.ts";
import { staffUrlOf } from "../../tests/e2e/local-server.ts";
import { fetchLocal, loopbackLookup } from "../loopback.ts";
import type { NewOfficer } from "../create-officer.ts";
import { targetArgs, wrangler } from "../wrangler.ts";
import { inserts } from "./analytics-data.ts";

/** A frame from any of the servers benchmarked: quietline's, or the relay's (the same shape). */
export interface Frame {
  type: string;
  [key: string]: unknown;
}

/** A distinct private address per simulated person: victims 10.1.x.y, officers 10.2.x.y. */
export function addressOf(kind: "victim" | "officer", n: number): string {
  return `10.${kind === "victim" ? 1 : 2}.${(n >> 8) & 255}.${n & 255}`;
}

/** A WebSocket that keeps unread frames so a step can wait for the one it needs. */
export class Socket {
  readonly frames: Frame[] = [];
  /** Set by a load run for its hot path: every frame goes here instead of `frames`. */
  onFrame: ((frame: Frame) => void) | null = null;
  closed: { code: number; reason: string } | null = null;
  readonly #waiters = new Set<() => void>();

  readonly ws: WebSocket;

  private constructor(ws: WebSocket) {
    this.ws = ws;
    ws.on("message", (data) => {
      const frame = JSON.parse(String(data)) as Frame;
      if (this.onFrame) this.onFrame(frame);
      else this.frames.push(frame);
      for (const wake of this.#waiters) wake();
    });
    ws.on("close", (code, reason) => {
      this.closed = { code, reason: String(reason) };
      for (const wake of this.#waiters) wake();
    });
  }

  static open(url: string, headers: Record<string, string> = {}, timeoutMs = 15_000): Promise<Socket> {
    return new Promise((resolve, reject) => {
      // The staff hostname (console.localhost) is resolved by loopbackLookup, as a browser would.
      const ws = new WebSocket(url, { headers, perMessageDeflate: false, lookup: loopbackLookup });
      const timer = setTimeout(() => (ws.terminate(), reject(new Error(`no connection to ${url} within ${timeoutMs} ms`))), timeoutMs);
      const socket = new Socket(ws);
      ws.once("open", () => (clearTimeout(timer), resolve(socket)));
      ws.once("unexpected-response", (_request, response) => {
        clearTimeout(timer);
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk));
        response.on("end", () => reject(new Error(`upgrade to ${url} answered ${response.statusCode}: ${body}`)));
      });
      ws.once("error", (error) => (clearTimeout(timer), reject(error)));
    });
  }

  send(frame: object): void {
    this.ws.send(JSON.stringify(frame));
  }

  /** Takes the first unread frame of these types (and matching `where`), waiting for it if need be. */
  async next(type: string | string[], where: (frame: Frame) => boolean = () => true, timeoutMs = 15_000): Promise<Frame> {
    const types = Array.isArray(type) ? type : [type];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.frames.findIndex((f) => types.includes(f.type) && where(f));
      if (index >= 0) return this.frames.splice(index, 1)[0]!;
      if (this.closed) {
        // 1006: dropped without a close frame. `wrangler dev` restarts the runtime when a source file changes.
        const hint = this.closed.code === 1006 ? "; did the server restart (a source file changed)?" : "";
        throw new Error(`socket closed (${this.closed.code} ${this.closed.reason}) while waiting for "${types.join(" or ")}"${hint}`);
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`no "${type}" frame within ${timeoutMs} ms; unread: ${this.frames.map((f) => f.type).join(", ") || "nothing"}`);
      await new Promise<void>((resolve) => {
        const wake = () => (clearTimeout(timer), this.#waiters.delete(wake), resolve());
        const timer = setTimeout(wake, remaining);
        this.#waiters.add(wake);
      });
    }
  }

  close(): void {
    if (!this.closed) this.ws.close(1000, "benchmark done");
  }
}

/** One HTTP call as a browser at `address` would make it; fails loudly on anything unexpected. */
async function call(url: string, path: string, address: string, init: RequestInit & { expect: number }) {
  const headers = new Headers(init.headers);
  headers.set("Origin", url);
  headers.set("CF-Connecting-IP", address);
  const response = await fetchLocal(`${url}${path}`, { ...init, headers });
  if (response.status !== init.expect) throw new Error(`${init.method ?? "GET"} ${path} answered ${response.status}: ${await response.text()}`);
  return response;
}

const wsUrl = (url: string, path: string) => `${url.replace(/^http/, "ws")}${path}`;

export interface Victim {
  conversationId: string;
  socket: Socket;
}

/** A victim presses "Start chat": the chat is created and its socket welcomed (waiting). */
export async function startVictim(url: string, address: string): Promise<Victim> {
  const started = (await (await call(url, "/api/conversations", address, { method: "POST", expect: 201 })).json()) as {
    conversationId: string;
    token: string;
  };
  const { ticket } = (await (
    await call(url, `/api/conversations/${started.conversationId}/tickets`, address, {
      method: "POST",
      headers: { Authorization: `Bearer ${started.token}` },
      expect: 200,
    })
  ).json()) as { ticket: string };
  const socket = await Socket.open(wsUrl(url, `/parties/conversation/${started.conversationId}?ticket=${ticket}&since=0`), {
    Origin: url,
    "CF-Connecting-IP": address,
  });
  await socket.next("welcome");
  return { conversationId: started.conversationId, socket };
}

export interface Officer {
  address: string;
  cookie: string;
  /** The console's queue socket: kept open, or the officer's chats go back to the queue. */
  queue: Socket;
}

/** An officer signs in and opens the console (the queue socket), on the staff hostname of the server at `url`. */
export async function signInOfficer(url: string, who: NewOfficer, address: string): Promise<Officer> {
  const staff = staffUrlOf(url);
  const response = await call(staff, "/api/session", address, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: who.email, password: who.password }),
    expect: 200,
  });
  const cookie = response.headers.getSetCookie()[0]?.split(";")[0];
  if (!cookie) throw new Error("signing in gave no cookie");
  const queue = await Socket.open(wsUrl(staff, "/parties/dispatcher/service"), { Origin: staff, Cookie: cookie, "CF-Connecting-IP": address });
  await queue.next("me");
  // Every change to the queue sends each console its view; only answers to accepts are kept.
  queue.onFrame = (frame) => {
    if (frame.type === "assigned" || frame.type === "error") queue.frames.push(frame);
  };
  return { address, cookie, queue };
}

/** The officer accepts this chat from the queue and joins it; resolves once welcomed. */
export async function acceptChat(url: string, officer: Officer, conversationId: string): Promise<Socket> {
  officer.queue.send({ type: "accept", conversationId });
  const answer = await officer.queue.next(["assigned", "error"], (f) => f.type === "error" || f.conversationId === conversationId);
  if (answer.type !== "assigned") throw new Error(`accepting a chat failed: ${JSON.stringify(answer)}`);
  const staff = staffUrlOf(url);
  const socket = await Socket.open(wsUrl(staff, `/parties/conversation/${conversationId}?since=0`), {
    Origin: staff,
    Cookie: officer.cookie,
    "CF-Connecting-IP": officer.address,
  });
  await socket.next("welcome");
  return socket;
}

/**
 * Creates `count` officer accounts in the local server's D1 in one `wrangler d1 execute`
 * (one account at a time would take a wrangler start each). They share one password hash:
 * hashing is what sign-in costs, not what is measured.
 */
export async function createOfficers(persistTo: string, count: number): Promise<NewOfficer[]> {
  const password = "bench officer password";
  const hash = await hashPassword(password);
  const officers = Array.from({ length: count }, (_, i) => ({
    email: `bench.officer.${i + 1}@bench.test`,
    displayName: `Bench Officer ${i + 1}`,
    role: "officer" as const,
    password,
  }));
  const now = Date.now();
  const sql = inserts(
    "officers",
    ["id", "email", "display_name", "role", "password_hash", "created_at"],
    officers.map((o) => [randomBytes(16).toString("base64url"), o.email, o.displayName, o.role, hash, now]),
  );
  const folder = mkdtempSync(join(tmpdir(), "quietline-bench-officers-"));
  try {
    writeFileSync(join(folder, "officers.sql"), sql);
    wrangler(["d1", "execute", "DB", ...targetArgs({ remote: false, persistTo }), "--file", join(folder, "officers.sql")], { quiet: true });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return officers;
}

/** Runs `task` over `items` with at most `limit` at once, in order of start. */
export async function inBatches<T, R>(items: T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
