/**
 * Drives the real Worker from inside workerd: HTTP through its fetch handler, WebSockets
 * through real upgrades to the real Durable Objects. Every wait fails with a clear message.
 */
import { env, exports } from "cloudflare:workers";
import { ACCESS_HEADER } from "../../worker/auth/access";
import { hashPassword } from "../../worker/auth/passwords";
import { randomId } from "../../worker/auth/secrets";
import { database } from "../../worker/db/client";
import { officers } from "../../worker/db/schema";
import type {
  ConversationServerFrame,
  DispatcherServerFrame,
  StartedConversation,
} from "../../worker/shared/protocol";
// From its own file, not the protocol's index: evaluating the whole protocol here, in the test
// runner's context, made the Conversation's lazy import of the PDF module (transcripts/seal.ts)
// fail with "Cannot perform I/O on behalf of a different Durable Object" (participation.test.ts).
import { QUEUE_ROOM } from "../../worker/shared/protocol/dispatcher";

/** The queue's socket: the one Dispatcher, in its room. */
export const QUEUE_SOCKET = `/parties/dispatcher/${QUEUE_ROOM}`;

/** The victims' hostname, as vitest.config.ts names it for these tests. */
export const ORIGIN = "https://quietline.test";
/** The staff hostname. */
export const STAFF_ORIGIN = "https://console.quietline.test";

/** The victim's routes: what the victim's page calls, on the victims' hostname. */
const VICTIM_ROUTES = /^\/api\/(human-check|conversations(\/[^/?]+\/(tickets|quick-exit|resume-code))?)([?].*)?$/;

/**
 * Where a page would send this call: the victim's routes, and a chat socket opened without
 * staff credentials (the victim's, with its ticket), to the victims' hostname; everything else
 * to the staff hostname. Tests of the hostnames themselves say which one instead.
 */
export function originFor(path: string, headers: Headers): string {
  const staffCredentials = headers.has("Cookie") || headers.has(ACCESS_HEADER);
  if (VICTIM_ROUTES.test(path)) return ORIGIN;
  if (path.startsWith("/parties/conversation/") && !staffCredentials) return ORIGIN;
  return STAFF_ORIGIN;
}

export function call(path: string, init: RequestInit = {}, origin?: string): Promise<Response> {
  const headers = new Headers(init.headers);
  const to = origin ?? originFor(path, headers);
  if (!headers.has("Origin")) headers.set("Origin", to);
  return exports.default.fetch(new Request(`${to}${path}`, { ...init, headers }));
}

/** Starts a chat as the victim's page does, in English unless said otherwise. */
export async function startConversation(language = "en"): Promise<StartedConversation> {
  const response = await call("/api/conversations", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ language }),
  });
  if (response.status !== 201) throw new Error(`start chat answered ${response.status}`);
  return response.json();
}

export async function createOfficer(
  email = `officer-${randomId().toLowerCase()}@police.test`,
  password = "correct horse battery staple",
  role: "officer" | "supervisor" | "admin" = "officer",
) {
  const id = randomId();
  await database(env.DB)
    .insert(officers)
    .values({
      id,
      email: email.toLowerCase(),
      displayName: `Officer ${email.slice(0, 4)}`,
      role,
      passwordHash: await hashPassword(password),
      createdAt: Date.now(),
    });
  return { id, email, password };
}

/** Signs in and returns the Cookie header value to send with later requests. */
export async function signIn(email: string, password: string): Promise<string> {
  const response = await call("/api/session", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
  const setCookie = response.headers.get("Set-Cookie") ?? "";
  return setCookie.split(";")[0]!;
}

export async function signedInOfficer(role: "officer" | "supervisor" | "admin" = "officer") {
  const officer = await createOfficer(undefined, undefined, role);
  return { ...officer, cookie: await signIn(officer.email, officer.password) };
}

/** Ends every chat still waiting, so a test starts with an empty queue. */
export async function drainQueue(): Promise<void> {
  const waiting = await env.DB.prepare("SELECT id FROM conversations WHERE status = 'waiting'").all<{ id: string }>();
  for (const { id } of waiting.results) await env.Conversation.getByName(id).end("abandoned");
}

export async function ticketFor(started: StartedConversation): Promise<string> {
  const response = await call(`/api/conversations/${started.conversationId}/tickets`, {
    method: "POST",
    headers: { Authorization: `Bearer ${started.token}` },
  });
  if (response.status !== 200) throw new Error(`ticket answered ${response.status}`);
  return ((await response.json()) as { ticket: string }).ticket;
}

/** A WebSocket upgrade through the Worker; returns the raw response so refusals can be seen. */
export function upgrade(path: string, headers: Record<string, string> = {}, origin?: string): Promise<Response> {
  return call(path, { headers: { Upgrade: "websocket", ...headers } }, origin);
}

export class TestSocket<Frame extends { type: string }> {
  private readonly frames: Frame[] = [];
  private readonly waiters = new Set<() => void>();
  closed: { code: number; reason: string } | null = null;

  constructor(readonly ws: WebSocket) {
    ws.accept();
    ws.addEventListener("message", (event) => {
      this.frames.push(JSON.parse(String(event.data)) as Frame);
      for (const wake of this.waiters) wake();
    });
    ws.addEventListener("close", (event) => {
      this.closed = { code: event.code, reason: event.reason };
      for (const wake of this.waiters) wake();
    });
  }

  static async open<F extends { type: string }>(path: string, headers: Record<string, string> = {}) {
    const response = await upgrade(path, headers);
    if (response.status !== 101 || !response.webSocket) {
      throw new Error(`expected an upgrade for ${path}, got ${response.status}: ${await response.text()}`);
    }
    return new TestSocket<F>(response.webSocket);
  }

  sendRaw(data: string): void {
    this.ws.send(data);
  }

  send(frame: object): void {
    this.ws.send(JSON.stringify(frame));
  }

  /** Takes the first unread frame of this type (and matching `where`), waiting for it if need be. */
  next<T extends Frame["type"]>(
    type: T,
    where: (frame: Extract<Frame, { type: T }>) => boolean = () => true,
    timeoutMs = 5_000,
  ): Promise<Extract<Frame, { type: T }>> {
    return this.take(
      (f) => f.type === type && where(f as Extract<Frame, { type: T }>),
      `"${type}"`,
      timeoutMs,
    ) as Promise<Extract<Frame, { type: T }>>;
  }

  private async take(match: (frame: Frame) => boolean, what: string, timeoutMs: number): Promise<Frame> {
    // Waits are measured with performance.now(): tests may stop or move Date (tests/integration/clock.ts).
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const index = this.frames.findIndex(match);
      if (index >= 0) return this.frames.splice(index, 1)[0]!;
      if (this.closed) throw new Error(`socket closed (${this.closed.code}) while waiting for ${what}`);
      const remaining = deadline - performance.now();
      if (remaining <= 0) {
        const seen = this.frames.map((f) => f.type).join(", ") || "nothing";
        throw new Error(`no ${what} frame within ${timeoutMs} ms; unread: ${seen}`);
      }
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, remaining);
        this.waiters.add(wake);
      });
    }
  }

  /** Takes the first unread frame of any of these types, so no waiter is left behind to steal a later one. */
  nextOf<T extends Frame["type"]>(types: T[], timeoutMs = 5_000): Promise<Extract<Frame, { type: T }>> {
    return this.take((f) => (types as string[]).includes(f.type), types.join(" or "), timeoutMs) as Promise<
      Extract<Frame, { type: T }>
    >;
  }

  /** Resolves with the close code once the server has closed this socket. */
  async closedWith(timeoutMs = 5_000): Promise<number> {
    const deadline = performance.now() + timeoutMs;
    while (!this.closed) {
      if (performance.now() > deadline) throw new Error(`socket still open after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.closed.code;
  }

  close(): void {
    this.ws.close(1000, "test done");
  }
}

export type ConversationSocket = TestSocket<ConversationServerFrame>;
export type DispatcherSocket = TestSocket<DispatcherServerFrame>;

export async function connectVictim(started: StartedConversation): Promise<ConversationSocket> {
  const ticket = await ticketFor(started);
  return TestSocket.open(`/parties/conversation/${started.conversationId}?ticket=${ticket}`);
}

export function connectOfficer(conversationId: string, cookie: string): Promise<ConversationSocket> {
  return TestSocket.open(`/parties/conversation/${conversationId}`, { Cookie: cookie });
}

export function connectQueue(cookie: string): Promise<DispatcherSocket> {
  return TestSocket.open(QUEUE_SOCKET, { Cookie: cookie });
}

/** An officer accepts a waiting conversation through the queue and joins it. */
export async function acceptAndJoin(conversationId: string, cookie: string) {
  const queue = await connectQueue(cookie);
  queue.send({ type: "accept", conversationId });
  await queue.next("assigned", (f) => f.conversationId === conversationId);
  queue.close();
  return connectOfficer(conversationId, cookie);
}

/** A victim (their page in `language`) and an officer in one active chat, both connected and welcomed. */
export async function activeChat(language = "en") {
  const started = await startConversation(language);
  const victim = await connectVictim(started);
  await victim.next("welcome");
  const officer = await signedInOfficer();
  const chat = await acceptAndJoin(started.conversationId, officer.cookie);
  const welcome = await chat.next("welcome");
  await victim.next("status", (f) => f.status === "active");
  return { started, victim, chat, officer, welcome };
}
