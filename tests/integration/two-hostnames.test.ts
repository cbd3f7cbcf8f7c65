/**
 * One Worker, two hostnames: the victims' (quietline.test here) answers only the victim's
 * routes, pages and socket; the staff hostname (console.quietline.test) answers only staff.
 * Every route each host's API declares is tried on the other host, with credentials that
 * would be good on the right one, so a route added later is covered without a new test.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../worker/index";
import { apiFor } from "../../worker/api";
import {
  acceptAndJoin,
  activeChat,
  call,
  connectQueue,
  ORIGIN,
  QUEUE_SOCKET,
  signedInOfficer,
  STAFF_ORIGIN,
  startConversation,
  ticketFor,
  upgrade,
} from "./harness";

/** Routes both pages need (Turnstile's settings) and monitoring's: on both hosts by design. */
const ON_BOTH = ["/api/human-check", "/api/health"];

/** Each route an API app declares, as method and path (middleware left out). */
function declaredRoutes(app: (typeof apiFor)["public"]) {
  const seen = new Set<string>();
  return app.routes
    .filter((route) => route.method !== "ALL" && !ON_BOTH.includes(route.path))
    .map(({ method, path }) => ({ method, path }))
    .filter(({ method, path }) => !seen.has(`${method} ${path}`) && seen.add(`${method} ${path}`));
}

async function errorCode(response: Response): Promise<string | undefined> {
  return ((await response.json()) as { error?: { code?: string } }).error?.code;
}

describe("the victims' hostname", () => {
  it("answers none of the staff routes, even to a signed-in supervisor", async () => {
    const supervisor = await signedInOfficer("supervisor");
    const { conversationId } = await startConversation();
    const routes = declaredRoutes(apiFor.staff);
    expect(routes.length).toBeGreaterThan(20);
    for (const { method, path } of routes) {
      const concrete = path.replace(/:[a-zA-Z]+/g, conversationId);
      const response = await call(
        concrete,
        { method, headers: { Cookie: supervisor.cookie, "Content-Type": "application/json" }, body: method === "GET" ? undefined : "{}" },
        ORIGIN,
      );
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(await errorCode(response), `${method} ${path}`).toBe("not-found");
    }
  });

  it("opens no queue socket, and no chat socket as staff, even with a valid session", async () => {
    const officer = await signedInOfficer();
    const started = await startConversation();
    const chat = await acceptAndJoin(started.conversationId, officer.cookie);
    await chat.next("welcome");
    expect((await upgrade(QUEUE_SOCKET, { Cookie: officer.cookie }, ORIGIN)).status).toBe(404);
    // The cookie is not even looked at: without a ticket this is nobody.
    expect((await upgrade(`/parties/conversation/${started.conversationId}`, { Cookie: officer.cookie }, ORIGIN)).status).toBe(401);
    chat.close();
  });

  it("serves the victim page, not the console's pages", async () => {
    for (const path of ["/console", "/console/", "/console/records", "/console/dashboard"]) {
      const response = await call(path, {}, ORIGIN);
      expect(response.status, path).toBe(404);
      expect(response.headers.get("Content-Security-Policy"), path).toBe("default-src 'none'; frame-ancestors 'none'");
    }
  });
});

describe("the staff hostname", () => {
  it("answers none of the victim's routes", async () => {
    const started = await startConversation();
    const routes = declaredRoutes(apiFor.public);
    expect(routes.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      "POST /api/conversations",
      "POST /api/conversations/:id/quick-exit",
      "POST /api/conversations/:id/resume-code",
      "POST /api/conversations/:id/tickets",
    ]);
    for (const { method, path } of routes) {
      const response = await call(
        path.replace(":id", started.conversationId),
        { method, headers: { Authorization: `Bearer ${started.token}`, "Content-Type": "application/json" }, body: started.token },
        STAFF_ORIGIN,
      );
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    // Nothing happened to the chat: the victim's token still gets a ticket on their own host.
    expect((await call(`/api/conversations/${started.conversationId}/tickets`, { method: "POST", headers: { Authorization: `Bearer ${started.token}` } })).status).toBe(200);
  });

  it("admits no victim to a chat socket, and leaves their ticket unspent", async () => {
    const started = await startConversation();
    const ticket = await ticketFor(started);
    const path = `/parties/conversation/${started.conversationId}?ticket=${ticket}`;
    const refused = await upgrade(path, {}, STAFF_ORIGIN);
    expect(refused.status).toBe(401);
    expect(await errorCode(refused)).toBe("signed-out");
    expect((await upgrade(path, {}, ORIGIN)).status).toBe(101);
  });

  it("opens the console at its front door", async () => {
    // Straight to the Worker: here the test runner's own asset routing would answer "/" first,
    // where wrangler.toml's run_worker_first sends it to the Worker (tests/e2e checks that).
    const ctx = createExecutionContext();
    const response = await worker.fetch(new Request(`${STAFF_ORIGIN}/`) as never, env, ctx);
    await waitOnExecutionContext(ctx);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`${STAFF_ORIGIN}/console`);
  });

  it("still serves staff their routes and sockets", async () => {
    const officer = await signedInOfficer();
    expect((await call("/api/session", { headers: { Cookie: officer.cookie } }, STAFF_ORIGIN)).status).toBe(200);
    const queue = await connectQueue(officer.cookie);
    expect(await queue.next("queue")).toBeTruthy();
    queue.close();
  });
});

describe("both hostnames", () => {
  it("keep each other's origin out: a page on one cannot change state on the other", async () => {
    const officer = await signedInOfficer();
    const fromVictimsHost = await call("/api/session", { method: "DELETE", headers: { Cookie: officer.cookie, Origin: ORIGIN } }, STAFF_ORIGIN);
    expect(fromVictimsHost.status).toBe(403);
    const fromStaffHost = await call("/api/conversations", { method: "POST", headers: { Origin: STAFF_ORIGIN } }, ORIGIN);
    expect(fromStaffHost.status).toBe(403);
    const started = await startConversation();
    const ticket = await ticketFor(started);
    const socket = await upgrade(`/parties/conversation/${started.conversationId}?ticket=${ticket}`, { Origin: STAFF_ORIGIN }, ORIGIN);
    expect(socket.status).toBe(403);
  });

  it("answer nothing on any other hostname (workers.dev, preview URLs)", async () => {
    const officer = await signedInOfficer();
    for (const path of ["/api/session", "/api/conversations", QUEUE_SOCKET, "/console", "/"]) {
      const response = await call(path, { headers: { Cookie: officer.cookie } }, "https://quietline.example-force.workers.dev");
      expect(response.status, path).toBe(421);
    }
  });

  it("a victim's chat reaches the officer across the two hosts", async () => {
    const { victim, chat } = await activeChat();
    victim.send({ type: "send", id: "across-hosts", text: "can you see this?" });
    expect(await chat.next("message")).toMatchObject({ message: { text: "can you see this?" } });
    victim.close();
    chat.close();
  });
});

describe("the built code on the victims' hostname", () => {
  // A build's list (scripts/public-host-files.ts) and files, standing in for app/build.
  const files: Record<string, string> = {
    "/_app/public-host-files.json": JSON.stringify({ files: ["/_app/immutable/nodes/3.victim.js", "/_app/immutable/chunks/shared.js"] }),
    "/_app/immutable/nodes/3.victim.js": "victim page",
    "/_app/immutable/chunks/shared.js": "shared",
    "/_app/immutable/nodes/5.console.js": "console page",
    "/_app/immutable/chunks/console-only.js": "console only",
    "/": "<!doctype html>",
  };
  const assets = {
    fetch: async (input: RequestInfo | URL) => {
      const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
      return path in files ? new Response(files[path]) : new Response("missing", { status: 404 });
    },
  } as unknown as Fetcher;

  async function get(origin: string, path: string) {
    const ctx = createExecutionContext();
    const response = await worker.fetch(new Request(`${origin}${path}`) as never, { ...env, ASSETS: assets }, ctx);
    await waitOnExecutionContext(ctx);
    return response;
  }

  it("is only what the victim's pages use; the staff hostname gets all of it", async () => {
    for (const path of ["/_app/immutable/nodes/3.victim.js", "/_app/immutable/chunks/shared.js", "/"]) {
      expect((await get(ORIGIN, path)).status, path).toBe(200);
    }
    for (const path of ["/_app/immutable/nodes/5.console.js", "/_app/immutable/chunks/console-only.js"]) {
      expect((await get(ORIGIN, path)).status, path).toBe(404);
      expect((await get(STAFF_ORIGIN, path)).status, path).toBe(200);
    }
  });
});
