/**
 * Ending an officer's access at once: signing out everywhere, and an admin revoking an officer,
 * end every session and close the sockets the officer already has open.
 */
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import { STAFF_CHECK_MS, STAFF_REFRESH_MS } from "../../worker/rooms/staff-check";
import { advanceTime, restoreClock } from "./clock";
import { activeChat, call, connectOfficer, connectQueue, signIn, signedInOfficer, startConversation } from "./harness";

const session = (cookie: string) => call("/api/session", { headers: { Cookie: cookie } });

describe("ending an officer's sessions", () => {
  afterEach(restoreClock);

  it("signs out everywhere: every device's session ends and the console's sockets close", async () => {
    const { officer, chat } = await activeChat();
    const otherDevice = await signIn(officer.email, officer.password);
    const queue = await connectQueue(otherDevice);
    await queue.next("me");

    const response = await call("/api/session/everywhere", { method: "DELETE", headers: { Cookie: officer.cookie } });
    expect(response.status).toBe(204);
    expect(response.headers.get("Set-Cookie")).toContain("Max-Age=0");
    expect(await chat.closedWith()).toBe(4401);
    expect(await queue.closedWith()).toBe(4401);
    expect((await session(officer.cookie)).status).toBe(401);
    expect((await session(otherDevice)).status).toBe(401);
  });

  it("lets an admin revoke any officer's sessions, and nobody else", async () => {
    const { officer, chat } = await activeChat();
    const supervisor = await signedInOfficer("supervisor");
    const admin = await signedInOfficer("admin");

    const revoke = (cookie: string) => call(`/api/officers/${officer.id}/sessions`, { method: "DELETE", headers: { Cookie: cookie } });
    expect((await revoke(supervisor.cookie)).status).toBe(403);
    expect((await session(officer.cookie)).status).toBe(200);

    expect((await revoke(admin.cookie)).status).toBe(204);
    expect(await chat.closedWith()).toBe(4401);
    expect((await session(officer.cookie)).status).toBe(401);
    expect((await call(`/api/officers/${"x".repeat(22)}/sessions`, { method: "DELETE", headers: { Cookie: admin.cookie } })).status).toBe(404);
  });

  it("closes the chats a supervisor is reading, not only the ones they are in", async () => {
    const { started, chat } = await activeChat();
    const supervisor = await signedInOfficer("supervisor");
    const reading = await connectOfficer(started.conversationId, supervisor.cookie);
    expect(await reading.next("welcome")).toMatchObject({ role: "observer" });

    const response = await call("/api/session/everywhere", { method: "DELETE", headers: { Cookie: supervisor.cookie } });
    expect(response.status).toBe(204);
    expect(await reading.closedWith()).toBe(4401);
    // The officer in the chat is not affected.
    chat.send({ type: "send", id: "still-here-officer", text: "Still with you." });
    expect(await chat.next("ack")).toMatchObject({ id: "still-here-officer" });
  });

  it("closes an officer's sockets once D1 says they are signed out, as `npm run officers -- disable` leaves it", async () => {
    const { victim, chat, officer } = await activeChat();
    const queue = await connectQueue(officer.cookie);
    await queue.next("me");
    // What the command does: it reaches only D1, never the Durable Objects.
    await env.DB.batch([
      env.DB.prepare("UPDATE officers SET disabled_at = ? WHERE id = ?").bind(Date.now(), officer.id),
      env.DB.prepare("DELETE FROM officer_sessions WHERE officer_id = ?").bind(officer.id),
    ]);
    // A minute passes: the objects' last check of sign-ins is now stale.
    advanceTime(STAFF_CHECK_MS + 1_000);

    // The next thing to happen in the chat, and in the queue, finds them signed out first.
    victim.send({ type: "send", id: "after-disable", text: "Are you still there?" });
    expect(await chat.closedWith()).toBe(4401);
    // It was closed before the victim's message was passed on: the message never reached it.
    await expect(chat.next("message", (f) => f.message.text === "Are you still there?", 300)).rejects.toThrow();
    await startConversation();
    expect(await queue.closedWith()).toBe(4401);
  });

  it("asks D1 again before the last answer is a minute old, without holding the victim's message for it", async () => {
    const { victim, chat, officer } = await activeChat();
    // The chat's first message has the object ask D1, while the officer is still signed in.
    victim.send({ type: "send", id: "first-message", text: "Hello?" });
    expect(await chat.next("message")).toMatchObject({ message: { text: "Hello?" } });
    await env.DB.prepare("DELETE FROM officer_sessions WHERE officer_id = ?").bind(officer.id).run();
    // Long enough since the object last asked to ask again, not so long that messages must wait for it.
    advanceTime(STAFF_REFRESH_MS + 1_000);

    victim.send({ type: "send", id: "while-asking", text: "Can you hear me?" });
    // The message is passed on without waiting for D1; the answer then closes the signed-out officer.
    expect(await chat.next("message")).toMatchObject({ message: { text: "Can you hear me?" } });
    expect(await chat.closedWith()).toBe(4401);
    expect(await victim.next("ack", (f) => f.id === "while-asking")).toMatchObject({ id: "while-asking" });
  });
});
