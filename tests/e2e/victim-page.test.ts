import type { Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { accessibilityProblems } from "./accessibility.ts";
import { browserForFile } from "./browser.ts";
import { SAFETY_OFFICER } from "./officers.ts";
import { RESUME_WORD_LISTS } from "../../worker/auth/resume-words/index.ts";
import { acceptChatOf, acceptPolishChatOf, answerNeutralSite, signInOfficer, startAcceptedChat, write } from "./pages.ts";

const baseUrl = inject("baseUrl");
const browser = browserForFile();
let officer: Page;

beforeAll(async () => {
  officer = await (await browser().newContext()).newPage();
  await signInOfficer(officer, baseUrl, SAFETY_OFFICER);
});

/** The resume code on the end screen: four words of `language`'s list, marked as that language and laid out `dir`. */
async function shownCode(page: Page, language: string, dir: "ltr" | "rtl"): Promise<string> {
  const shown = page.locator(".code");
  const code = (await shown.textContent())!.trim();
  expect(code.split(" ")).toHaveLength(4);
  expect(code.split(" ").filter((word) => !RESUME_WORD_LISTS[language]!.includes(word))).toEqual([]);
  expect([await shown.getAttribute("lang"), await shown.evaluate((p) => getComputedStyle(p).direction)]).toEqual([language, dir]);
  return code;
}

describe("the victim's page", () => {
  it("sends nothing to any other origin during a whole chat", async () => {
    const context = await browser().newContext();
    await answerNeutralSite(context);
    const victim = await context.newPage();
    const elsewhere: string[] = [];
    victim.on("request", (request) => {
      if (new URL(request.url()).origin !== new URL(baseUrl).origin) elsewhere.push(request.url());
    });
    await startAcceptedChat(victim, officer, baseUrl);
    await write(victim, "Is this private?");
    await officer.getByRole("tabpanel").getByText("Is this private?").waitFor();
    await write(officer, "Yes. Nothing is sent anywhere else.");
    await victim.getByText("Yes. Nothing is sent anywhere else.").waitFor();
    await victim.getByRole("link", { name: "Staying safe online" }).count();
    await victim.getByRole("button", { name: "End chat" }).click();
    await victim.getByRole("button", { name: "Yes, end chat" }).click();
    await victim.getByText("You ended this chat.").waitFor();
    expect(elsewhere).toEqual([]);
    await context.close();
  });

  it("answers with no-store, no referrer, and a strict content security policy", async () => {
    const page = await (await browser().newContext()).newPage();
    const html = await page.goto(baseUrl);
    const headers = html!.headers();
    expect(headers["cache-control"]).toBe("no-store");
    expect(headers["referrer-policy"]).toBe("no-referrer");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    const meta = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute("content");
    expect(meta).toMatch(/default-src 'self'/);
    // Scripts: this site, SvelteKit's hashed start-up script, and Turnstile's origin (loaded only
    // when a deployment turns it on and someone presses Start chat); frames: Turnstile's only.
    const sources = (directive: string) => new RegExp(`${directive} ([^;]+)`).exec(meta ?? "")?.[1]?.split(" ");
    expect(sources("script-src")).toEqual(["'self'", "https://challenges.cloudflare.com", expect.stringMatching(/^'sha256-[^']+'$/)]);
    expect(sources("frame-src")).toEqual(["https://challenges.cloudflare.com"]);
    expect(sources("connect-src")).toEqual(["'self'"]);
    // Styles: this site's files, and one inline style by its hash, SvelteKit's route announcer's.
    expect(sources("style-src")).toEqual(["'self'", "'unsafe-hashes'", expect.stringMatching(/^'sha256-[^']+'$/)]);
    expect(meta).not.toMatch(/unsafe-inline|unsafe-eval/);

    const api = await page.request.post(`${baseUrl}/api/conversations`, { headers: { Origin: baseUrl } });
    expect(api.headers()["cache-control"]).toBe("no-store");
    expect(api.headers()["referrer-policy"]).toBe("no-referrer");
    expect(api.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(api.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    expect(await page.title()).not.toMatch(/abuse|police|victim|domestic/i);
  });

  it("lets a victim leave quietly, and the officer sees they left quietly", async () => {
    const victim = await (await browser().newContext()).newPage();
    await startAcceptedChat(victim, officer, baseUrl);
    await write(victim, "Someone is here");
    await victim.getByRole("button", { name: "Leave quietly" }).click();
    await victim.getByText("You have left the chat. Nothing of it is kept on this page.").waitFor();
    expect(await victim.getByText("Someone is here").count()).toBe(0);
    expect(victim.url().startsWith(baseUrl)).toBe(true);
    await officer.getByRole("tabpanel").getByText("The victim left quietly.").waitFor();
  });

  it("shares a location only when the victim presses the button, with its accuracy", async () => {
    const context = await browser().newContext({ geolocation: { latitude: 51.5072, longitude: -0.1276, accuracy: 40 } });
    const victim = await context.newPage();
    let asked = false;
    await context.exposeFunction("noteGeolocationCall", () => (asked = true));
    await context.addInitScript(() => {
      const original = navigator.geolocation.getCurrentPosition.bind(navigator.geolocation);
      navigator.geolocation.getCurrentPosition = (...args: Parameters<Geolocation["getCurrentPosition"]>) => {
        (window as unknown as { noteGeolocationCall: () => void }).noteGeolocationCall();
        original(...args);
      };
    });
    await startAcceptedChat(victim, officer, baseUrl);
    expect(asked).toBe(false);
    await context.grantPermissions(["geolocation"], { origin: baseUrl });
    await victim.getByRole("button", { name: "Share my location" }).click();
    await victim.getByText("Your location was shared with the officer.").waitFor();
    await officer.getByRole("tabpanel").locator(".location").filter({ hasText: "51.50720, -0.12760 (within 40 m)" }).waitFor();
    await context.close();
  });

  it("links a returning victim's chat to the earlier one for the officer, and refuses a wrong PIN or a used code in one calm sentence", async () => {
    const victim = await (await browser().newContext()).newPage();
    await startAcceptedChat(victim, officer, baseUrl);
    await write(victim, "First time I have asked for help");
    await officer.getByRole("tabpanel").getByText("First time I have asked for help").waitFor();
    await victim.getByRole("button", { name: "End chat" }).click();
    await victim.getByRole("button", { name: "Yes, end chat" }).click();
    await victim.getByLabel("Choose a PIN (4 to 8 digits)").fill("4826");
    await victim.getByRole("button", { name: "Get my code" }).click();
    const code = (await victim.locator(".code").textContent())!.trim();
    expect(code.split(" ")).toHaveLength(4);

    const later = await (await browser().newContext()).newPage();
    await later.goto(baseUrl);
    await later.getByText("I have a code").click();
    await later.getByLabel("Your code (the words you were given)").fill(code);
    await later.getByLabel("Your PIN").fill("1111");
    await later.getByRole("button", { name: "Start chat with my code" }).click();
    // The same sentence whatever is wrong, so it never tells anyone the code exists.
    const noMatch = "That code and PIN do not match.";
    await later.getByRole("alert").filter({ hasText: noMatch }).waitFor();
    expect(await later.getByRole("alert").textContent()).not.toMatch(/tries|left/i);
    await later.getByLabel("Your PIN").fill("4826");
    await later.getByRole("button", { name: "Start chat with my code" }).click();
    await later.getByText(/in the queue\./).waitFor();
    await acceptChatOf(officer, later);

    const panel = officer.getByRole("tabpanel");
    await panel.getByText("Returning: came back with a code").waitFor();
    await panel.getByText("Earlier conversations").click();
    await panel.getByText("First time I have asked for help").waitFor();

    // A code starts one chat: the same words and PIN again are refused like a wrong PIN.
    const again = await (await browser().newContext()).newPage();
    await again.goto(baseUrl);
    await again.getByText("I have a code").click();
    await again.getByLabel("Your code (the words you were given)").fill(code);
    await again.getByLabel("Your PIN").fill("4826");
    await again.getByRole("button", { name: "Start chat with my code" }).click();
    await again.getByRole("alert").filter({ hasText: noMatch }).waitFor();
  });

  it("gives a victim on a Polish page a code of Polish words, which starts their next chat from a new visit", async () => {
    const victim = await (await browser().newContext({ locale: "pl" })).newPage();
    await victim.goto(baseUrl);
    await victim.waitForFunction(() => document.documentElement.lang === "pl");
    await victim.getByRole("button", { name: "Rozpocznij czat" }).click();
    await acceptPolishChatOf(officer, victim);
    await victim.getByRole("button", { name: "Zakończ czat" }).click();
    await victim.getByRole("button", { name: "Tak, zakończ czat" }).click();

    // The end screen offers the code in Polish, and the code is Polish words, shown as Polish.
    await victim.getByRole("heading", { name: "Ten czat został zakończony przez Ciebie." }).waitFor();
    await victim.getByRole("heading", { name: "Chcesz wrócić później?" }).waitFor();
    await victim.getByLabel("Wybierz PIN (od 4 do 8 cyfr)").fill("3917");
    await victim.getByRole("button", { name: "Uzyskaj mój kod" }).click();
    const code = await shownCode(victim, "pl", "ltr");
    // Hidden from someone looking, and shown again.
    await victim.getByRole("button", { name: "Ukryj mój kod" }).click();
    expect(await victim.locator("body").innerText()).not.toContain(code);
    await victim.getByRole("button", { name: "Pokaż mój kod" }).click();
    expect((await victim.locator(".code").textContent())!.trim()).toBe(code);
    await victim.context().close();

    const later = await (await browser().newContext({ locale: "pl" })).newPage();
    await later.goto(baseUrl);
    await later.getByText("Mam kod").click();
    await later.getByLabel("Twój kod (słowa, które zostały Ci podane)").fill(code);
    await later.getByLabel("Twój PIN").fill("3917");
    await later.getByRole("button", { name: "Rozpocznij czat z moim kodem" }).click();
    await acceptPolishChatOf(officer, later);
    await officer.getByRole("tabpanel").getByText("Returning: came back with a code").waitFor();
    await later.getByRole("button", { name: "Zakończ czat" }).click();
    await later.getByRole("button", { name: "Tak, zakończ czat" }).click();
    await later.getByRole("heading", { name: "Ten czat został zakończony przez Ciebie." }).waitFor();
    await later.context().close();
  });

  it("shows an Arabic victim's code in Arabic words, right to left", async () => {
    const victim = await (await browser().newContext({ locale: "ar" })).newPage();
    await victim.goto(baseUrl);
    await victim.waitForFunction(() => document.documentElement.lang === "ar");
    await victim.getByRole("button", { name: "ابدأ المحادثة" }).click();
    // In the queue before it is ended: a chat that has started.
    await victim.getByText(/قائمة الانتظار/).first().waitFor();
    // Ended while still waiting: the code is offered all the same.
    await victim.getByRole("button", { name: "إنهاء المحادثة" }).click();
    await victim.getByRole("button", { name: "نعم، أنهِ المحادثة" }).click();
    await victim.getByLabel("اختر رقمًا سريًا (من 4 إلى 8 أرقام)").fill("2864");
    await victim.getByRole("button", { name: "الحصول على رمزي" }).click();
    await shownCode(victim, "ar", "rtl");
    expect(await accessibilityProblems(victim, { seriousOnly: true })).toEqual([]);
    await victim.context().close();
  });

  it("speaks the victim's language, right to left for Arabic, and fits a 320-pixel screen", async () => {
    const context = await browser().newContext({ locale: "ar", viewport: { width: 320, height: 640 } });
    const victim = await context.newPage();
    await victim.goto(baseUrl);
    await victim.waitForFunction(() => document.documentElement.dir === "rtl");
    expect(await victim.evaluate(() => document.documentElement.lang)).toBe("ar");
    expect(await victim.getByLabel("اللغة").or(victim.locator("#language")).first().inputValue()).toBe("ar");
    const overflow = await victim.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await victim.locator("#language").selectOption("pl");
    await victim.waitForFunction(() => document.documentElement.dir === "ltr" && document.documentElement.lang === "pl");
    await context.close();
  });

  it("works at 200% zoom: nothing runs off the side and Quick exit stays in view", async () => {
    // 200% zoom in a 1280 × 800 window lays the page out in 640 × 400 CSS pixels.
    const context = await browser().newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    const victim = await context.newPage();
    await victim.goto(baseUrl);
    await victim.getByRole("button", { name: "Start chat" }).click();
    await victim.getByRole("textbox", { name: "Message" }).waitFor();
    expect(await victim.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await victim.mouse.wheel(0, 2000);
    const exit = victim.getByRole("button", { name: "Quick exit" });
    expect(await exit.isVisible()).toBe(true);
    const box = await exit.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 400).toBe(true);
    await context.close();
  });

  it("has no serious or critical accessibility problems in any state", async () => {
    const context = await browser().newContext();
    await answerNeutralSite(context);
    const victim = await context.newPage();
    await victim.goto(baseUrl);
    await victim.getByRole("button", { name: "Start chat" }).waitFor();
    const problems: Record<string, string[]> = { start: await accessibilityProblems(victim, { seriousOnly: true }) };
    await victim.getByText("I have a code").click();
    problems.withCode = await accessibilityProblems(victim, { seriousOnly: true });
    await victim.getByRole("button", { name: "Start chat", exact: true }).click();
    await victim.getByText(/in the queue\./).waitFor();
    problems.waiting = await accessibilityProblems(victim, { seriousOnly: true });
    await acceptChatOf(officer, victim);
    await write(victim, "Testing");
    await victim.getByText("Testing").waitFor();
    problems.active = await accessibilityProblems(victim, { seriousOnly: true });
    await victim.getByRole("button", { name: "End chat" }).click();
    await victim.getByRole("button", { name: "Yes, end chat" }).click();
    await victim.getByText("You ended this chat.").waitFor();
    problems.ended = await accessibilityProblems(victim, { seriousOnly: true });
    await victim.goto(`${baseUrl}/safe-browsing`);
    await victim.getByRole("heading", { name: "Staying safe online" }).waitFor();
    problems.safety = await accessibilityProblems(victim, { seriousOnly: true });
    expect(problems).toEqual({ start: [], withCode: [], waiting: [], active: [], ended: [], safety: [] });
    await context.close();
  });
});
