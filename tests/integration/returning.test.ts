import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { RESUME_CODE_GUESSES } from "../../worker/auth/guess-limits";
import { RESUME_WORD_LISTS } from "../../worker/auth/resume-words";
import { LIMIT_MESSAGES } from "../../worker/abuse/rate-limits";
import type { StartedConversation } from "../../worker/shared/protocol";
import { acceptAndJoin, call, connectVictim, signedInOfficer } from "./harness";

const supervisorOf = signedInOfficer;

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: { "Content-Type": "application/json", ...headers },
  body: JSON.stringify(body),
});

/**
 * Callers are told apart by CF-Connecting-IP. Every address here is in 2001:db8:163::/48, one /64
 * per source (worker/abuse/source.ts), so no other test file uses up these sources' rate limits.
 */
let nextSource = 1;
const newSource = () => `2001:db8:163:${(nextSource++).toString(16)}::1`;
const from = (source: string | undefined): Record<string, string> => (source ? { "CF-Connecting-IP": source } : {});

/** The one answer to every code that does not start a chat. */
const NO_MATCH = JSON.stringify({ error: { code: "bad-code", message: "That code and PIN do not match." } });

async function start(body: unknown = {}, source?: string) {
  const response = await call("/api/conversations", json(body, from(source)));
  return { response, started: response.status === 201 ? ((await response.json()) as StartedConversation) : null };
}

/** A chat with one message each way, ended by the victim. */
async function finishedChat(body: unknown = {}) {
  const { started } = await start(body);
  const victim = await connectVictim(started!);
  await victim.next("welcome");
  const officer = await signedInOfficer();
  const chat = await acceptAndJoin(started!.conversationId, officer.cookie);
  await chat.next("welcome");
  victim.send({ type: "send", id: "earlier-message-1", text: "It happened again last night" });
  await chat.next("message");
  victim.send({ type: "end" });
  await victim.next("ended");
  await victim.closedWith();
  return started!;
}

async function takeCode(started: StartedConversation, pin: string, source?: string) {
  return call(`/api/conversations/${started.conversationId}/resume-code`, json({ pin }, { Authorization: `Bearer ${started.token}`, ...from(source) }));
}

async function codeFor(started: StartedConversation, pin: string, source?: string) {
  const issued = await takeCode(started, pin, source);
  expect(issued.status).toBe(201);
  return ((await issued.json()) as { code: string }).code;
}

/** Tries a code; the answer's status and exact text, and the chat it started (if any). */
async function tryCode(code: string, pin: string, source: string) {
  const { response, started } = await start({ resume: { code, pin } }, source);
  return { status: response.status, text: started ? null : await response.text(), started };
}

const refused = { status: 401, text: NO_MATCH, started: null };

/** The chat a victim's code started, ended by the victim (so they can take a new code). */
async function endedByVictim(started: StartedConversation) {
  const victim = await connectVictim(started);
  await victim.next("welcome");
  victim.send({ type: "end" });
  await victim.next("ended");
  await victim.closedWith();
}

async function threadOf(conversationId: string) {
  return (await env.DB.prepare("SELECT thread_id FROM conversations WHERE id = ?").bind(conversationId).first<{ thread_id: string }>())
    ?.thread_id;
}

/**
 * The simulated limiter counts in windows aligned to the clock (as Cloudflare's does). A test
 * that must see a count reach its limit inside one window waits for a fresh window if the
 * current one is nearly over.
 */
async function freshWindow(periodSeconds: number, neededMs: number) {
  const left = periodSeconds * 1000 - (Date.now() % (periodSeconds * 1000));
  if (left < neededMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

describe("returning victims", () => {
  it("take a four-word code with a PIN at the end, and their next chat shows the officer the earlier one", async () => {
    const first = await finishedChat({ language: "pl" });
    const issued = await takeCode(first, "2468");
    expect(issued.status).toBe(201);
    const { code, expiresInDays } = (await issued.json()) as { code: string; expiresInDays: number };
    expect(code.split(" ")).toHaveLength(4);
    expect(expiresInDays).toBe(90);

    // Only digests are kept.
    const stored = await env.DB.prepare("SELECT * FROM resume_codes").all<Record<string, string>>();
    expect(JSON.stringify(stored.results)).not.toContain(code.split(" ")[0]);
    expect(JSON.stringify(stored.results)).not.toContain("2468");

    const { started: again } = await start({ language: "pl", resume: { code: `  ${code.toUpperCase().replaceAll(" ", ", ")} `, pin: "2468" } });
    expect(again).not.toBeNull();
    const officer = await signedInOfficer();
    const chat = await acceptAndJoin(again!.conversationId, officer.cookie);
    expect((await chat.next("welcome")).victim).toEqual({ language: "pl", returning: true });

    const earlier = await call(`/api/conversations/${again!.conversationId}/earlier`, { headers: { Cookie: officer.cookie } });
    const body = (await earlier.json()) as { conversations: { conversationId: string; messages: { text: string }[] }[] };
    expect(body.conversations.map((c) => c.conversationId)).toEqual([first.conversationId]);
    expect(body.conversations[0]?.messages.map((m) => m.text)).toEqual(["It happened again last night"]);
    expect(body.conversations[0]).toMatchObject({ assessment: null });

    const rows = await env.DB.prepare("SELECT id, is_returning FROM conversations WHERE id IN (?, ?)")
      .bind(first.conversationId, again!.conversationId)
      .all<{ id: string; is_returning: number }>();
    expect(Object.fromEntries(rows.results.map((r) => [r.id, r.is_returning]))).toEqual({
      [first.conversationId]: 0,
      [again!.conversationId]: 1,
    });
  });

  it("shows the earlier chats only to the officer in this chat and to supervisors", async () => {
    const first = await finishedChat();
    const { code } = (await (await takeCode(first, "1357")).json()) as { code: string };
    const { started: again } = await start({ resume: { code, pin: "1357" } });
    const officer = await signedInOfficer();
    (await acceptAndJoin(again!.conversationId, officer.cookie)).close();
    const path = `/api/conversations/${again!.conversationId}/earlier`;

    const stranger = await signedInOfficer();
    expect((await call(path, { headers: { Cookie: stranger.cookie } })).status).toBe(404);
    expect((await call(path)).status).toBe(401);
    const supervisor = await supervisorOf("supervisor");
    expect((await call(path, { headers: { Cookie: supervisor.cookie } })).status).toBe(200);
  });

  it("gives one answer, byte for byte, to a made-up code, a wrong PIN, a code locked for this source, a used code and an expired one", async () => {
    const first = await finishedChat();
    const code = await codeFor(first, "2468");
    const guesser = newSource();
    const madeUp = await tryCode("apple river stone kite", "2468", guesser);
    const wrongPin = await tryCode(code, "1111", guesser);

    const locker = newSource();
    for (let i = 0; i < RESUME_CODE_GUESSES.perSource; i++) expect(await tryCode(code, `000${i}`, locker)).toEqual(refused);
    const lockedHere = await tryCode(code, "2468", locker);

    const owner = newSource();
    expect((await tryCode(code, "2468", owner)).status).toBe(201);
    const used = await tryCode(code, "2468", owner);

    const second = await finishedChat();
    const old = await codeFor(second, "2468");
    await env.DB.prepare("UPDATE resume_codes SET expires_at = ? WHERE issued_for = ?").bind(Date.now() - 1, second.conversationId).run();
    const expired = await tryCode(old, "2468", newSource());

    for (const answer of [madeUp, wrongPin, lockedHere, used, expired]) expect(answer).toEqual(refused);
  }, 30_000);

  it("starts one chat per code: the same code and PIN again, or twice at once, start no second chat", async () => {
    const first = await finishedChat();
    const code = await codeFor(first, "1357");
    const again = await tryCode(code, "1357", newSource());
    expect(again.status).toBe(201);
    expect(await tryCode(code, "1357", newSource())).toEqual(refused);

    const second = await finishedChat();
    const racing = await codeFor(second, "8642");
    const answers = await Promise.all([tryCode(racing, "8642", newSource()), tryCode(racing, "8642", newSource())]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 401]);
    expect(answers.find((a) => a.status === 401)).toEqual(refused);
    const resumed = await env.DB.prepare("SELECT COUNT(*) AS n FROM conversations WHERE thread_id = ? AND is_returning = 1")
      .bind(second.conversationId)
      .first<{ n: number }>();
    expect(resumed!.n).toBe(1);
  }, 30_000);

  it("does not let a stranger's wrong PINs from one source stop the owner from another", async () => {
    const first = await finishedChat();
    const code = await codeFor(first, "4321");
    const stranger = newSource();
    for (let i = 0; i < RESUME_CODE_GUESSES.perSource; i++) expect(await tryCode(code, `11${i}1`, stranger)).toEqual(refused);
    // The stranger's source is refused now, even with the right PIN...
    expect(await tryCode(code, "4321", stranger)).toEqual(refused);
    // ...but the owner, elsewhere, starts their chat.
    const owner = await tryCode(code, "4321", newSource());
    expect(owner.status).toBe(201);
    expect(await threadOf(owner.started!.conversationId)).toBe(first.conversationId);
  }, 30_000);

  it("stops all guessing at a code once many sources have guessed wrong, until the window has passed", async () => {
    const first = await finishedChat();
    const code = await codeFor(first, "2580");
    for (let sent = 0; sent < RESUME_CODE_GUESSES.perSubject; ) {
      const source = newSource();
      for (let i = 0; i < RESUME_CODE_GUESSES.perSource - 1 && sent < RESUME_CODE_GUESSES.perSubject; i++, sent++) {
        expect(await tryCode(code, `9${String(sent).padStart(3, "0")}`, source)).toEqual(refused);
      }
    }
    const owner = newSource();
    expect(await tryCode(code, "2580", owner)).toEqual(refused);

    // Arranging time: the guesses are moved back past the window.
    await env.DB.prepare("UPDATE guess_failures SET at = at - ?").bind(RESUME_CODE_GUESSES.windowMs).run();
    expect((await tryCode(code, "2580", owner)).status).toBe(201);
  }, 60_000);

  it("keeps one code per chat: taking another makes the first stop working", async () => {
    const first = await finishedChat();
    const earlier = await codeFor(first, "1111");
    const later = await codeFor(first, "2222");
    const rows = await env.DB.prepare("SELECT COUNT(*) AS n FROM resume_codes WHERE issued_for = ?").bind(first.conversationId).first<{ n: number }>();
    expect(rows!.n).toBe(1);
    expect(await tryCode(earlier, "1111", newSource())).toEqual(refused);
    expect((await tryCode(later, "2222", newSource())).status).toBe(201);
  }, 30_000);

  it("lets a victim take a new code at the end of the chat their code started, on the same thread", async () => {
    const first = await finishedChat();
    const second = (await tryCode(await codeFor(first, "3690"), "3690", newSource())).started!;
    await endedByVictim(second);
    const next = await codeFor(second, "3690");
    const third = await tryCode(next, "3690", newSource());
    expect(third.status).toBe(201);
    expect(await threadOf(third.started!.conversationId)).toBe(first.conversationId);
  }, 30_000);

  it("limits how many codes one source takes in a minute", async () => {
    const first = await finishedChat();
    const source = newSource();
    await freshWindow(60, 15_000);
    for (let i = 0; i < 10; i++) expect((await takeCode(first, "1234", source)).status).toBe(201);
    const burst = await takeCode(first, "1234", source);
    expect(burst.status).toBe(429);
    expect(await burst.json()).toEqual({ error: { code: "too-many", message: LIMIT_MESSAGES.resumeCode } });
    expect((await takeCode(first, "1234", newSource())).status).toBe(201);
  }, 90_000);

  it("refuses a code before the chat ends or without the token", async () => {
    const { started } = await start();
    expect((await takeCode(started!, "1234")).status).toBe(409);
    expect((await takeCode({ ...started!, token: "A".repeat(43) }, "1234")).status).toBe(401);
    const badPin = await takeCode(started!, "12");
    expect(badPin.status).toBe(400);
    expect(await badPin.json()).toMatchObject({ error: { message: "A PIN is 4 to 8 digits." } });
  });
});

describe("a returning victim's code in the language of their page", () => {
  /** A chat on a page in `language`, ended by the victim, and the code they took there. */
  async function codeTakenIn(language: string, pin: string) {
    const { started } = await start({ language });
    await endedByVictim(started!);
    const issued = await call(
      `/api/conversations/${started!.conversationId}/resume-code`,
      json({ pin, language }, { Authorization: `Bearer ${started!.token}` }),
    );
    expect(issued.status).toBe(201);
    return { first: started!, ...((await issued.json()) as { code: string; language: string; expiresInDays: number }) };
  }

  /** The words of `code` that are not in the list for `language`. */
  const wordsNotIn = (language: string, code: string) => code.split(" ").filter((word) => !RESUME_WORD_LISTS[language]!.includes(word));

  it("is four Polish words on a Polish page, and starts the next chat on the same thread", async () => {
    const { first, code, language } = await codeTakenIn("pl", "2580");
    expect(language).toBe("pl");
    expect(code.split(" ")).toHaveLength(4);
    expect(wordsNotIn("pl", code)).toEqual([]);
    const again = await tryCode(code, "2580", newSource());
    expect(again.status).toBe(201);
    expect(await threadOf(again.started!.conversationId)).toBe(first.conversationId);
  });

  it("is four Arabic words on an Arabic page, and is accepted from a page in another language", async () => {
    const { first, code, language } = await codeTakenIn("ar", "1357");
    expect(language).toBe("ar");
    expect(code.split(" ")).toHaveLength(4);
    expect(wordsNotIn("ar", code)).toEqual([]);
    const { response, started } = await start({ language: "pl", resume: { code, pin: "1357" } }, newSource());
    expect(response.status).toBe(201);
    expect(await threadOf(started!.conversationId)).toBe(first.conversationId);
  });

  it("is accepted typed as a phone keyboard or a hurried hand types it", async () => {
    // Polish: capitals, odd spacing and commas, and no accents (ż typed z, ł typed l).
    const polish = await codeTakenIn("pl", "4680");
    const plain = polish.code.normalize("NFD").replace(/\p{M}/gu, "").replaceAll("ł", "l");
    const typed = `  ${plain.toUpperCase().split(" ").join(" ,\n  ")}  `;
    const again = await tryCode(typed, "4680", newSource());
    expect(again.status).toBe(201);
    expect(await threadOf(again.started!.conversationId)).toBe(polish.first.conversationId);

    // Arabic: the Arabic comma between words, alef without its hamza, teh marbuta typed heh.
    const arabic = await codeTakenIn("ar", "9753");
    const arabicTyped = arabic.code.replace(/[أإآ]/g, "ا").replaceAll("ة", "ه").split(" ").join("،  ");
    expect((await tryCode(arabicTyped, "9753", newSource())).status).toBe(201);

    // Chinese: written without spaces, as Chinese is.
    const chinese = await codeTakenIn("zh-Hans", "8642");
    expect(wordsNotIn("zh-Hans", chinese.code)).toEqual([]);
    expect((await tryCode(chinese.code.replaceAll(" ", ""), "8642", newSource())).status).toBe(201);
  }, 30_000);

  it("is in English for a page language with no word list, or one the page does not speak", async () => {
    for (const asked of ["ta", "de"]) {
      const { code, language } = await codeTakenIn(asked, "1470");
      expect(language).toBe("en");
      expect(wordsNotIn("en", code)).toEqual([]);
      expect((await tryCode(code, "1470", newSource())).status).toBe(201);
    }
  }, 30_000);
});

describe("a returning victim's earlier risk assessment", () => {
  it("is shown to the next officer with the earlier chat", async () => {
    const { started } = await start({ language: "en" });
    const victim = await connectVictim(started!);
    await victim.next("welcome");
    const officer = await signedInOfficer();
    (await acceptAndJoin(started!.conversationId, officer.cookie)).close();
    await call(`/api/conversations/${started!.conversationId}/assessment`, json({ kind: "judgement", grade: "high", reason: "Threats with a knife" }, { Cookie: officer.cookie }));
    victim.send({ type: "end" });
    await victim.next("ended");
    const { code } = (await (await takeCode(started!, "5555")).json()) as { code: string };

    const { started: again } = await start({ resume: { code, pin: "5555" } });
    const next = await signedInOfficer();
    (await acceptAndJoin(again!.conversationId, next.cookie)).close();
    const earlier = (await (await call(`/api/conversations/${again!.conversationId}/earlier`, { headers: { Cookie: next.cookie } })).json()) as {
      conversations: { assessment: unknown }[];
    };
    expect(earlier.conversations[0]?.assessment).toEqual({ grade: "high", yesCount: 0, maracReferral: true });
  });
});
