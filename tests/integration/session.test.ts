import { describe, expect, it } from "vitest";
import { acceptAndJoin, call, createOfficer, signIn, signedInOfficer, startConversation } from "./harness";

const json = (body: unknown) => ({
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify(body),
});

describe("officer sign-in", () => {
  it("sets an HttpOnly, Secure, SameSite=Strict session cookie and knows who is signed in", async () => {
    const officer = await createOfficer("pc.jones@police.test", "a long pass phrase");
    const response = await call("/api/session", json({ email: "PC.Jones@police.test", password: "a long pass phrase" }));
    expect(response.status).toBe(200);
    const cookie = response.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);

    const me = await call("/api/session", { headers: { Cookie: cookie.split(";")[0]! } });
    expect(await me.json()).toMatchObject({ officer: { id: officer.id, email: "pc.jones@police.test" } });
  });

  it("refuses a wrong password and an unknown email with the same answer", async () => {
    await createOfficer("pc.smith@police.test", "right password");
    const wrong = await call("/api/session", json({ email: "pc.smith@police.test", password: "wrong" }));
    const unknown = await call("/api/session", json({ email: "nobody@police.test", password: "wrong" }));
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    expect(wrong.headers.get("Set-Cookie")).toBeNull();
  });

  it("explains a malformed request without a stack", async () => {
    const response = await call("/api/session", json({ email: "not an email" }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("bad-request");
    expect(body.error.message).not.toMatch(/\.ts|at /);
  });

  it("signs out: the old cookie no longer works", async () => {
    const officer = await createOfficer();
    const cookie = await signIn(officer.email, officer.password);
    const out = await call("/api/session", { method: "DELETE", headers: { Cookie: cookie } });
    expect(out.status).toBe(204);
    const me = await call("/api/session", { headers: { Cookie: cookie } });
    expect(me.status).toBe(401);
  });

  it("answers unknown API paths with a JSON 404", async () => {
    const response = await call("/api/nothing-here");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "not-found" } });
  });
});

describe("an officer's own chats", () => {
  it("lists the chats the officer is in now, for the console to reopen after a reload", async () => {

    const officer = await signedInOfficer();
    const colleague = await signedInOfficer();
    const mine = await startConversation();
    const theirs = await startConversation();
    (await acceptAndJoin(mine.conversationId, officer.cookie)).close();
    (await acceptAndJoin(theirs.conversationId, colleague.cookie)).close();

    const response = await call("/api/me/conversations", { headers: { Cookie: officer.cookie } });
    const body = (await response.json()) as { conversations: { conversationId: string }[] };
    expect(body.conversations.map((c) => c.conversationId)).toEqual([mine.conversationId]);
    expect((await call("/api/me/conversations")).status).toBe(401);
  });
});
