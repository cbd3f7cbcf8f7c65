import { describe, expect, it } from "vitest";
import { acceptAndJoin, call, createOfficer, signIn, signedInOfficer, startConversation } from "./harness";

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: { "Content-Type": "application/json", ...headers },
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

describe("session limits", () => {
  it("ends a session left unused for the idle timeout, and any session after its absolute lifetime", async () => {
    const { env } = await import("cloudflare:workers");
    const officer = await createOfficer();
    const idle = await signIn(officer.email, officer.password);
    await env.DB.prepare("UPDATE officer_sessions SET last_seen_at = ?").bind(Date.now() - 31 * 60_000).run();
    expect((await call("/api/session", { headers: { Cookie: idle } })).status).toBe(401);

    const old = await signIn(officer.email, officer.password);
    await env.DB.prepare("UPDATE officer_sessions SET expires_at = ? WHERE last_seen_at > ?").bind(Date.now() - 1, Date.now() - 60_000).run();
    expect((await call("/api/session", { headers: { Cookie: old } })).status).toBe(401);

    const fresh = await signIn(officer.email, officer.password);
    expect((await call("/api/session", { headers: { Cookie: fresh } })).status).toBe(200);
  });

  it("refuses a source after five wrong passwords for an account, even the right one, while the officer signs in from elsewhere", async () => {
    const { env } = await import("cloudflare:workers");
    const officer = await createOfficer();
    const stranger = "2001:db8:161:1::1";
    const officersDesk = "2001:db8:161:2::1";
    const attempt = (password: string, source: string) =>
      call("/api/session", json({ email: officer.email, password }, { "CF-Connecting-IP": source }));

    for (let i = 0; i < 5; i++) expect((await attempt("wrong password", stranger)).status).toBe(401);
    const locked = await attempt(officer.password, stranger);
    expect(locked.status).toBe(429);
    expect(await locked.json()).toEqual({
      error: { code: "too-many-attempts", message: "Too many attempts to sign in to this account. Try again in 15 minutes." },
    });
    expect(locked.headers.get("Set-Cookie")).toBeNull();

    const atTheDesk = await attempt(officer.password, officersDesk);
    expect(atTheDesk.status).toBe(200);
    expect(atTheDesk.headers.get("Set-Cookie")).toMatch(/^ql_session=/);

    // Fifteen minutes on, the stranger's source may try again.
    await env.DB.prepare("UPDATE guess_failures SET at = at - ?").bind(15 * 60_000).run();
    expect((await attempt(officer.password, stranger)).status).toBe(200);
  });
});
