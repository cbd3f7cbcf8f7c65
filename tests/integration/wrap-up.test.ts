/**
 * An ended chat stays in its officer's console, in wrap-up, until they close it; closing asks
 * for an outcome first, and only the officer the chat ended with can close it.
 */
import { describe, expect, it } from "vitest";
import { endedByVictim } from "./chat-paths";
import { activeChat, call, signedInOfficer } from "./harness";

const post = (path: string, cookie: string, body: unknown = {}) =>
  call(path, { method: "POST", headers: { "Content-Type": "application/json", Cookie: cookie }, body: JSON.stringify(body) });

async function myConversations(cookie: string) {
  const body = (await (await call("/api/me/conversations", { headers: { Cookie: cookie } })).json()) as {
    conversations: { conversationId: string; wrappingUp: boolean; outcomeRecorded: boolean }[];
  };
  return body.conversations;
}

describe("wrap-up", () => {
  it("keeps an ended chat in its officer's list until they close the wrap-up, which needs an outcome", async () => {
    const { started, victim, chat, officer } = await activeChat();
    const id = started.conversationId;
    const closing = `/api/me/conversations/${id}/wrapped-up`;
    expect(await myConversations(officer.cookie)).toEqual([{ conversationId: id, acceptedAt: expect.any(Number), wrappingUp: false, outcomeRecorded: false }]);
    expect((await post(closing, officer.cookie)).status).toBe(409); // still going

    chat.close();
    await endedByVictim(victim);
    expect(await myConversations(officer.cookie)).toMatchObject([{ conversationId: id, wrappingUp: true, outcomeRecorded: false }]);

    const refused = await post(closing, officer.cookie);
    expect(refused.status).toBe(422);
    expect(await refused.json()).toEqual({ error: { code: "outcome-missing", message: "Record the chat's outcome before closing its wrap-up." } });
    // Nobody else closes it for them, not even senior staff.
    expect((await post(closing, (await signedInOfficer()).cookie)).status).toBe(404);
    expect((await post(closing, (await signedInOfficer("supervisor")).cookie)).status).toBe(404);

    expect((await post(`/api/conversations/${id}/outcome`, officer.cookie, { outcome: "advice-given" })).status).toBe(201);
    expect(await myConversations(officer.cookie)).toMatchObject([{ conversationId: id, wrappingUp: true, outcomeRecorded: true }]);
    expect((await post(closing, officer.cookie)).status).toBe(204);
    expect(await myConversations(officer.cookie)).toEqual([]);
  });
});
