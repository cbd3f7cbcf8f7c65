/**
 * Who may use each console route and socket: nobody signed in, an officer who is not in the
 * chat, the officer who is, a supervisor and an admin. Every combination is tried.
 */
import { describe, expect, it } from "vitest";
import { activeChat, call, signedInOfficer, upgrade } from "./harness";

type Who = "none" | "other-officer" | "assigned-officer" | "supervisor" | "admin";
const everyone: Who[] = ["none", "other-officer", "assigned-officer", "supervisor", "admin"];

describe("access to the console", async () => {
  const { started, officer } = await activeChat();
  const cookies: Record<Who, string | null> = {
    none: null,
    "other-officer": (await signedInOfficer()).cookie,
    "assigned-officer": officer.cookie,
    supervisor: (await signedInOfficer("supervisor")).cookie,
    admin: (await signedInOfficer("admin")).cookie,
  };
  const id = started.conversationId;
  const staff: Who[] = ["other-officer", "assigned-officer", "supervisor", "admin"];
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
    { name: "socket: the queue", allowed: staff, request: (c) => upgrade("/parties/dispatcher/service", c ? { Cookie: c } : {}) },
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
