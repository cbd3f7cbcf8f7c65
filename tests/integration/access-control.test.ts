/**
 * Who may use each console route and socket: nobody signed in, an officer who is not in the
 * chat, one who only raised its priority while it waited, one who accepted it and transferred
 * it on, the officer who has it, a supervisor and an admin. Every combination is tried.
 *
 * Each row names the rule of the access policy (worker/shared/access-policy.ts) that governs it,
 * and the policy is asked for each person: what it decides must be the row's list, and what the
 * Worker answers must be that too. A route or socket that stops asking the policy, or the policy
 * changing under the table, fails here.
 */
import { describe, expect, it } from "vitest";
import type { ConversationStatus, StaffRole } from "../../worker/shared/protocol";
import { may, mayCloseWrapUp, mayReadChat, placeInChat, type Capability, type ChatFacts, type StaffMember } from "../../worker/shared/access-policy";
import { chatReachedEveryWay, endedByVictim } from "./chat-paths";
import { call, connectQueue, QUEUE_SOCKET, signedInOfficer, upgrade } from "./harness";

type Who = "none" | "other-officer" | "raised-priority" | "transferred-away" | "assigned-officer" | "supervisor" | "admin";
const everyone: Who[] = ["none", "other-officer", "raised-priority", "transferred-away", "assigned-officer", "supervisor", "admin"];

/** Each signed-in person as the policy sees them: their role, and where they stand with the chat. */
const standing: Record<Exclude<Who, "none">, { role: StaffRole; assigned: boolean; tookPart: boolean }> = {
  "other-officer": { role: "officer", assigned: false, tookPart: false },
  // Raising a waiting chat's priority is not taking part in it.
  "raised-priority": { role: "officer", assigned: false, tookPart: false },
  "transferred-away": { role: "officer", assigned: false, tookPart: true },
  "assigned-officer": { role: "officer", assigned: true, tookPart: true },
  supervisor: { role: "supervisor", assigned: false, tookPart: false },
  admin: { role: "admin", assigned: false, tookPart: false },
};

/** A rule of the policy, asked about one person and the chat. */
type Rule = (person: StaffMember, chat: ChatFacts, tookPart: boolean) => boolean | Promise<boolean>;

const onTheConsole: Rule = (person) => may(person, "use-console");
const inTheChat: Rule = (person, chat) => placeInChat(person, chat) !== null;
const readsTheChat: Rule = (person, chat, tookPart) => mayReadChat(person, chat, () => tookPart);
const allowedTo = (capability: Capability): Rule => (person) => may(person, capability);

/** Who the policy lets through by `rule`, for a chat in `status`; nobody signed out ever is. */
async function allowedBy(rule: Rule, status: ConversationStatus): Promise<Who[]> {
  const allowed: Who[] = [];
  for (const who of everyone) {
    if (who === "none") continue;
    const { role, assigned, tookPart } = standing[who];
    const person = { id: "the person asking", role };
    if (await rule(person, { officerId: assigned ? person.id : "another officer", status }, tookPart)) allowed.push(who);
  }
  return allowed;
}

type Route = { name: string; allowed: Who[]; rule: Rule; request: (cookie: string | null) => Promise<Response> };

/** Both checks for every row: the policy's decision is the table's, and so is the Worker's answer. */
function checkEvery(routes: Route[], cookies: Record<Who, string | null>, status: ConversationStatus) {
  it.each(routes)("the access policy allows exactly the table's list: $name", async (route) => {
    expect(await allowedBy(route.rule, status)).toEqual(route.allowed);
  });
  for (const route of routes) {
    it.each(everyone)(`${route.name}: %s`, async (who) => {
      const response = await route.request(cookies[who]);
      if (route.allowed.includes(who)) expect(response.status).toBeLessThan(300);
      else expect([401, 403, 404]).toContain(response.status);
    });
  }
}

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

  const routes: Route[] = [
    { name: "GET /api/session", allowed: staff, rule: onTheConsole, request: (c) => call("/api/session", { headers: c ? { Cookie: c } : {} }) },
    { name: "GET /api/me/conversations", allowed: staff, rule: onTheConsole, request: (c) => call("/api/me/conversations", { headers: c ? { Cookie: c } : {} }) },
    { name: "GET /api/quick-replies", allowed: staff, rule: onTheConsole, request: (c) => call("/api/quick-replies", { headers: c ? { Cookie: c } : {} }) },
    {
      name: "POST /api/quick-replies",
      allowed: staff,
      rule: onTheConsole,
      request: (c) =>
        call("/api/quick-replies", {
          method: "POST",
          headers: { "Content-Type": "application/json", ...(c ? { Cookie: c } : {}) },
          body: JSON.stringify({ category: "closing", text: "Goodbye for now" }),
        }),
    },
    { name: "GET assessment", allowed: inChat, rule: inTheChat, request: (c) => call(`/api/conversations/${id}/assessment`, { headers: c ? { Cookie: c } : {} }) },
    {
      name: "POST assessment",
      allowed: inChat,
      rule: inTheChat,
      request: (c) =>
        call(`/api/conversations/${id}/assessment`, {
          method: "POST",
          headers: { "Content-Type": "application/json", ...(c ? { Cookie: c } : {}) },
          body: JSON.stringify({ kind: "answer", questionId: "injury", answer: "no" }),
        }),
    },
    { name: "GET earlier chats", allowed: inChat, rule: readsTheChat, request: (c) => call(`/api/conversations/${id}/earlier`, { headers: c ? { Cookie: c } : {} }) },
    { name: "GET /api/blocks", allowed: ["supervisor", "admin"], rule: allowedTo("manage-blocks"), request: (c) => call("/api/blocks", { headers: c ? { Cookie: c } : {} }) },
    {
      name: "POST a supervisor's private message to the chat's officer",
      allowed: ["supervisor", "admin"],
      rule: allowedTo("message-officer-privately"),
      request: (c) =>
        call(`/api/conversations/${id}/private-messages`, {
          method: "POST",
          headers: { "Content-Type": "application/json", ...(c ? { Cookie: c } : {}) },
          body: JSON.stringify({ text: "Access-control private message" }),
        }),
    },
    { name: "socket: the queue", allowed: staff, rule: onTheConsole, request: (c) => upgrade(QUEUE_SOCKET, c ? { Cookie: c } : {}) },
    { name: "socket: the conversation", allowed: inChat, rule: inTheChat, request: (c) => upgrade(`/parties/conversation/${id}`, c ? { Cookie: c } : {}) },
  ];

  checkEvery(routes, cookies, "active");

  // The supervision page's picture comes over the queue's socket, which all staff open: it is
  // the overview frame that only some of them are sent.
  const supervising: Who[] = ["supervisor", "admin"];
  it("the access policy allows exactly the table's list: the supervision picture", async () => {
    expect(await allowedBy(allowedTo("supervise-live-chats"), "active")).toEqual(supervising);
  });
  it.each(staff)("the supervision picture on the queue's socket: %s", async (who) => {
    const queue = await connectQueue(cookies[who]!);
    // The overview follows each console's own view in the same publish.
    await queue.next("me");
    const told = await queue.next("overview", () => true, 500).then(() => true, () => false);
    queue.close();
    expect(told).toBe(supervising.includes(who));
  });
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

  const routes: Route[] = [
    { name: "view a record", allowed: tookPart, rule: readsTheChat, request: (c) => post(`/api/records/${id}/view`, c, { justification }) },
    { name: "export JSON", allowed: tookPart, rule: readsTheChat, request: (c) => post(`/api/records/${id}/export`, c, { justification, format: "json" }) },
    { name: "export PDF", allowed: tookPart, rule: readsTheChat, request: (c) => post(`/api/records/${id}/export`, c, { justification, format: "pdf" }) },
    { name: "export addenda", allowed: tookPart, rule: readsTheChat, request: (c) => post(`/api/records/${id}/export`, c, { justification, format: "addenda" }) },
    { name: "check the seal", allowed: tookPart, rule: readsTheChat, request: (c) => post(`/api/records/${id}/verify`, c, { justification }) },
    { name: "link a crime reference", allowed: tookPart, rule: readsTheChat, request: (c) => post(`/api/records/${id}/crime-reference`, c, { justification, crimeReference: "CR/AC/1" }) },
    { name: "add a note", allowed: tookPart, rule: readsTheChat, request: (c) => post(`/api/records/${id}/notes`, c, { text: "Access-control note" }) },
    { name: "its earlier chats", allowed: tookPart, rule: readsTheChat, request: (c) => get(`/api/conversations/${id}/earlier`, c) },
    {
      name: "close the wrap-up",
      allowed: ["assigned-officer"],
      rule: (p, chat) => mayCloseWrapUp(p, chat),
      // An outcome first, as closing asks for one (recording it is the "add a note" kind of right).
      request: async (c) => {
        await post(`/api/conversations/${id}/outcome`, c, { outcome: "advice-given" });
        return post(`/api/me/conversations/${id}/wrapped-up`, c, {});
      },
    },
    { name: "legal hold", allowed: senior, rule: async (p, chat, took) => may(p, "hold-records") && (await readsTheChat(p, chat, took)), request: (c) => post(`/api/records/${id}/hold`, c, { justification, hold: true }) },
    { name: "search records", allowed: staff, rule: onTheConsole, request: (c) => post("/api/records/search", c, { justification }) },
    { name: "list my chats of the last 24 hours", allowed: staff, rule: onTheConsole, request: (c) => get("/api/records/mine", c) },
    { name: "check an uploaded file", allowed: staff, rule: onTheConsole, request: (c) => post("/api/records/verify", c, "{}") },
    { name: "read the audit log", allowed: senior, rule: allowedTo("read-audit-log"), request: (c) => post("/api/records/audit", c, {}) },
    { name: "list the staff by name", allowed: senior, rule: allowedTo("read-any-chat"), request: (c) => get("/api/records/officers", c) },
    { name: "see what retention will delete", allowed: ["admin"], rule: allowedTo("see-retention"), request: (c) => get("/api/records/retention", c) },
    { name: "the dashboard", allowed: senior, rule: allowedTo("see-service"), request: (c) => get("/api/analytics/dashboard", c) },
    { name: "the live picture", allowed: senior, rule: allowedTo("see-service"), request: (c) => get("/api/analytics/live", c) },
  ];

  checkEvery(routes, cookies, "ended");

  it.each(everyone)("search shows the record only to those who may read it: %s", async (who) => {
    const response = await post("/api/records/search", cookies[who], { justification });
    if (who === "none") return expect(response.status).toBe(401);
    const { records } = (await response.json()) as { records: { conversationId: string }[] };
    expect(records.some((r) => r.conversationId === id)).toBe(tookPart.includes(who));
  });

  // Without a reason, only one's own: a supervisor or admin who may read any record does not see
  // someone else's chat in this list (they search for it, with a reason, which is audited).
  it.each(everyone)("the 24-hour list without a reason shows the chat only to those who took part in it: %s", async (who) => {
    const response = await get("/api/records/mine", cookies[who]);
    if (who === "none") return expect(response.status).toBe(401);
    const { records } = (await response.json()) as { records: { conversationId: string }[] };
    expect(records.some((r) => r.conversationId === id)).toBe(standing[who].tookPart);
  });

  it("search shows the record to exactly those the policy lets read it", async () => {
    expect(await allowedBy(readsTheChat, "ended")).toEqual(tookPart);
  });
});
