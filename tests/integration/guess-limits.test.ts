/**
 * Wrong guesses at an officer's password, counted per account and source together: a stranger
 * cannot lock a colleague out, yet guessing one account's password from many addresses stops,
 * while the officer at a desk they have signed in from still gets in.
 *
 * Callers are told apart by CF-Connecting-IP; every address here is in 2001:db8:162::/48 (one /64
 * per source, see worker/abuse/source.ts), so no other test file uses up these sources' limits.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { SIGN_IN_GUESSES } from "../../worker/auth/guess-limits";
import { sha256Hex } from "../../worker/auth/secrets";
import { runRetention } from "../../worker/records/retention";
import { call, createOfficer } from "./harness";

const DAY_MS = 86_400_000;

/** How guess_failures and known_sources name an account (worker/routes/session.ts). */
const accountSubject = (email: string) => sha256Hex(`sign-in:${email}`);

/** Arranging time: what happened for this account is moved `ms` into the past. */
async function movedBack(email: string, ms: number) {
  const subject = await accountSubject(email);
  await env.DB.batch([
    env.DB.prepare("UPDATE guess_failures SET at = at - ? WHERE subject_hash = ?").bind(ms, subject),
    env.DB.prepare("UPDATE known_sources SET last_success_at = last_success_at - ? WHERE subject_hash = ?").bind(ms, subject),
  ]);
}

let nextSource = 1;
/** A source no earlier test has used. */
const newSource = () => `2001:db8:162:${(nextSource++).toString(16)}::1`;

function signIn(email: string, password: string, source: string) {
  return call("/api/session", {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": source },
    body: JSON.stringify({ email, password }),
  });
}

/** `guesses` wrong passwords for the account, `perSource` from each of several new sources. */
async function guessFromManySources(email: string, guesses: number, perSource = 1) {
  for (let sent = 0; sent < guesses; ) {
    const source = newSource();
    for (let i = 0; i < perSource && sent < guesses; i++, sent++) {
      expect((await signIn(email, `guess number ${sent}`, source)).status).toBe(401);
    }
  }
}

describe("wrong sign-in guesses from many sources", () => {
  it("stop new sources guessing once the account has had many, while a desk it signed in from still signs in", async () => {
    expect(SIGN_IN_GUESSES.perSubject).toBeGreaterThan(SIGN_IN_GUESSES.perSource);
    const officer = await createOfficer();
    const desk = newSource();
    expect((await signIn(officer.email, officer.password, desk)).status).toBe(200);

    // Fewer than the per-source limit from each address, so no one source is ever refused.
    await guessFromManySources(officer.email, SIGN_IN_GUESSES.perSubject, 2);

    const another = await signIn(officer.email, "one more guess", newSource());
    expect(another.status).toBe(429);
    expect(await another.json()).toEqual({
      error: { code: "too-many-attempts", message: "Too many attempts to sign in to this account. Try again in 15 minutes." },
    });
    // Refused before the password is checked: the right one from a new address is refused too.
    const rightButNew = await signIn(officer.email, officer.password, newSource());
    expect(rightButNew.status).toBe(429);
    expect(rightButNew.headers.get("Set-Cookie")).toBeNull();

    const atTheDesk = await signIn(officer.email, officer.password, desk);
    expect(atTheDesk.status).toBe(200);
    expect(atTheDesk.headers.get("Set-Cookie")).toMatch(/^ql_session=/);
  }, 30_000);

  it("lets a new source in again once the window has passed", async () => {
    const officer = await createOfficer();
    await guessFromManySources(officer.email, SIGN_IN_GUESSES.perSubject, 4);
    const fresh = newSource();
    expect((await signIn(officer.email, officer.password, fresh)).status).toBe(429);

    await movedBack(officer.email, SIGN_IN_GUESSES.windowMs);
    expect((await signIn(officer.email, officer.password, fresh)).status).toBe(200);
  }, 30_000);

  it("does not count a desk the officer last signed in from over 30 days ago as theirs", async () => {
    const officer = await createOfficer();
    const oldDesk = newSource();
    expect((await signIn(officer.email, officer.password, oldDesk)).status).toBe(200);
    await movedBack(officer.email, 31 * DAY_MS);
    await guessFromManySources(officer.email, SIGN_IN_GUESSES.perSubject, 4);
    expect((await signIn(officer.email, officer.password, oldDesk)).status).toBe(429);
  }, 30_000);

  it("forgives only the source that signs in: another source's wrong guesses still count", async () => {
    const officer = await createOfficer();
    const stranger = newSource();
    const desk = newSource();
    for (let i = 0; i < SIGN_IN_GUESSES.perSource - 1; i++) {
      expect((await signIn(officer.email, "a guess", stranger)).status).toBe(401);
      expect((await signIn(officer.email, "a typo", desk)).status).toBe(401);
    }
    expect((await signIn(officer.email, officer.password, desk)).status).toBe(200);

    // The desk starts again from nothing; the stranger is one guess from being refused.
    for (let i = 0; i < SIGN_IN_GUESSES.perSource - 1; i++) expect((await signIn(officer.email, "a typo", desk)).status).toBe(401);
    expect((await signIn(officer.email, "a guess", stranger)).status).toBe(401);
    expect((await signIn(officer.email, officer.password, stranger)).status).toBe(429);
    expect((await signIn(officer.email, officer.password, desk)).status).toBe(200);
  }, 30_000);
});

describe("what is kept about sign-in sources", () => {
  it("keeps only digests, and the retention sweep removes known sources after their lifetime", async () => {
    const officer = await createOfficer();
    const address = newSource();
    expect((await signIn(officer.email, "wrong", address)).status).toBe(401);
    expect((await signIn(officer.email, officer.password, address)).status).toBe(200);
    const known = await env.DB.prepare("SELECT * FROM known_sources").all();
    expect(JSON.stringify(known.results)).not.toContain(officer.email);
    expect(JSON.stringify(known.results)).not.toContain("2001:db8");

    const subject = await accountSubject(officer.email);
    const knownFor = async () =>
      (await env.DB.prepare("SELECT COUNT(*) AS n FROM known_sources WHERE subject_hash = ?").bind(subject).first<{ n: number }>())!.n;
    expect(await knownFor()).toBe(1);
    await runRetention(env, Date.now());
    expect(await knownFor()).toBe(1);
    await movedBack(officer.email, 31 * DAY_MS);
    await runRetention(env, Date.now());
    expect(await knownFor()).toBe(0);
  });
});
