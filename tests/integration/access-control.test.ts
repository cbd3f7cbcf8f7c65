/**
 * Who may use each console route and socket: nobody signed in, an officer who is not in the
 * chat, one who only raised its priority while it waited, one who accepted it and transferred
 * it on, the officer who has it, a supervisor and an admin. Every combination is tried.
 */
import { describe, expect, it } from "vitest";
import { chatReachedEveryWay, endedByVictim } from "./chat-paths";
import { call, QUEUE_SOCKET, signedInOfficer, upgrade } from "./harness";

type Who = "none" | "other-officer" | "raised-priority" | "transferred-away" | "assigned-officer" | "supervisor" | "admin";
const everyone: Who[] = ["none", "other-officer", "raised-priority", "transferred-away", "assigned-officer", "supervisor", "admin"];

/** Everyone's cookie for a chat reached every way (tests/integration/chat-paths.ts). */
async function cookiesFor(chat: Awaited<ReturnType<typeof chatReachedEveryWay>>): Promise<Record<Who, string | null>> {
  return {
    none: null,
    "other-officer": (await signedInOfficer()).cookie,
    "raised-priority": chat.raiser.cookie,
    "transferred-away": chat.acceptor.cookie,
    "assigned-officer": chat.assigned.cookie,
    supervisor: (await signedInOfficer("supervisor")).cookie,
    admin: (await signedInOfficer("admin")).cookie,
  };
}

describe("access to the console", async () => {
  // A live chat: while it goes on, only the officer who has it now (and senior staff) are in it.
  const chat = await chatReachedEveryWay();
  const { started } = chat;
  const cookies = await cookiesFor(chat);
  const id = started.conversationId;
  const staff: Who[] = ["other-officer", "raised-priority", "transferred-away", "assigned-officer", "supervisor", "admin"];
  const inChat: Who[] = ["assigned-officer", "supervisor", "admin"];

  const routes: { name: string; allowed: Who[]; request: (cookie: string | null) => Promise<Response> }[] = [
    { name: "GET /api/session", allowed: staff, request: (c) => call("/api/session", { headers: c ? { Cookie: c } : {} }) },
    { name: "GET /api/me/conversations", allowed: staff, request: (c) => call("/api/me/conversations", { headers: c ? { Cookie: c } : {} }) },
    { name: "GET /api/quick-replies", allowed: staff, request: (c) => call("/api/quick-replies", { headers: c ? { Cookie: c } : {} }) },
    {
      name: "POST /api/quick-replies",
      allowed: staff,
      request: (c) =>
        call("/api/quick-replies", {
          method: "POST",
          headers: { "Content-Type": "application/json", ...(c ? { Cookie: c } : {}) },
          body: JSON.stringify({ category: "closing", text: "Goodbye for now" }),
        }),
    },
    { name: "GET assessment", allowed: inChat, request: (c) => call(`/api/conversations/${id}/assessment`, { headers: c ? { Cookie: c } : {} }) },
    {
      name: "POST assessment",
      allowed: inChat,
      request: (c) =>
        call(`/api/conversations/${id}/assessment`, {
          method: "POST",
          headers: { "Content-Type": "application/json", ...(c ? { Cookie: c } : {}) },
          body: JSON.stringify({ kind: "answer", questionId: "injury", answer: "no" }),
        }),
    },
    { name: "GET earlier chats", allowed: inChat, request: (c) => call(`/api/conversations/${id}/earlier`, { headers: c ? { Cookie: c } : {} }) },
    { name: "GET /api/blocks", allowed: ["supervisor", "admin"], request: (c) => call("/api/blocks", { headers: c ? { Cookie: c } : {} }) },
    { name: "socket: the queue", allowed: staff, request: (c) => upgrade(QUEUE_SOCKET, c ? { Cookie: c } : {}) },
    { name: "socket: the conversation", allowed: inChat, request: (c) => upgrade(`/parties/conversation/${id}`, c ? { Cookie: c } : {}) },
  ];

  for (const route of routes) {
    it.each(everyone)(`${route.name}: %s`, async (who) => {
      const response = await route.request(cookies[who]);
      if (route.allowed.includes(who)) expect(response.status).toBeLessThan(300);
      else expect([401, 403, 404]).toContain(response.status);
    });
  }
});

describe("access to records and the service dashboard", async () => {
  // The same paths to a chat, ended and sealed: accepting it and having it transferred to you
  // are taking part; raising its priority is not.
  const chat = await chatReachedEveryWay();
  await endedByVictim(chat.victim);
  const { started } = chat;
  const cookies = await cookiesFor(chat);
  const id = started.conversationId;
  const staff: Who[] = ["other-officer", "raised-priority", "transferred-away", "assigned-officer", "supervisor", "admin"];
  const tookPart: Who[] = ["transferred-away", "assigned-officer", "supervisor", "admin"];
  const senior: Who[] = ["supervisor", "admin"];
  const justification = "Access-control test of the records routes";
  const post = (path: string, cookie: string | null, body: unknown) =>
    call(path, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(cookie ? { Cookie: cookie } : {}) },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  const get = (path: string, cookie: string | null) => call(path, { headers: cookie ? { Cookie: cookie } : {} });

  const routes: { name: string; allowed: Who[]; request: (cookie: string | null) => Promise<Response> }[] = [
    { name: "view a record", allowed: tookPart, request: (c) => post(`/api/records/${id}/view`, c, { justification }) },
    { name: "export JSON", allowed: tookPart, request: (c) => post(`/api/records/${id}/export`, c, { justification, format: "json" }) },
    { name: "export PDF", allowed: tookPart, request: (c) => post(`/api/records/${id}/export`, c, { justification, format: "pdf" }) },
    { name: "export addenda", allowed: tookPart, request: (c) => post(`/api/records/${id}/export`, c, { justification, format: "addenda" }) },
    { name: "check the seal", allowed: tookPart, request: (c) => post(`/api/records/${id}/verify`, c, { justification }) },
    { name: "link a crime reference", allowed: tookPart, request: (c) => post(`/api/records/${id}/crime-reference`, c, { justification, crimeReference: "CR/AC/1" }) },
    { name: "add a note", allowed: tookPart, request: (c) => post(`/api/records/${id}/notes`, c, { text: "Access-control note" }) },
    { name: "its earlier chats", allowed: tookPart, request: (c) => get(`/api/conversations/${id}/earlier`, c) },
    { name: "legal hold", allowed: senior, request: (c) => post(`/api/records/${id}/hold`, c, { justification, hold: true }) },
    { name: "search records", allowed: staff, request: (c) => post("/api/records/search", c, { justification }) },
    { name: "check an uploaded file", allowed: staff, request: (c) => post("/api/records/verify", c, "{}") },
    { name: "read the audit log", allowed: senior, request: (c) => post("/api/records/audit", c, {}) },
    { name: "see what retention will delete", allowed: ["admin"], request: (c) => get("/api/records/retention", c) },
    { name: "the dashboard", allowed: senior, request: (c) => get("/api/analytics/dashboard", c) },
    { name: "the live picture", allowed: senior, request: (c) => get("/api/analytics/live", c) },
  ];

  for (const route of routes) {
    it.each(everyone)(`${route.name}: %s`, async (who) => {
      const response = await route.request(cookies[who]);
      if (route.allowed.includes(who)) expect(response.status).toBeLessThan(300);
      else expect([401, 403, 404]).toContain(response.status);
    });
  }

  it.each(everyone)("search shows the record only to those who may read it: %s", async (who) => {
    const response = await post("/api/records/search", cookies[who], { justification });
    if (who === "none") return expect(response.status).toBe(401);
    const { records } = (await response.json()) as { records: { conversationId: string }[] };
    expect(records.some((r) => r.conversationId === id)).toBe(tookPart.includes(who));
  });
});
