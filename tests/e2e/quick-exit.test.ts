import type { Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { browserForFile } from "./browser.ts";
import { EXIT_OFFICER } from "./officers.ts";
import { NEUTRAL_SITE, answerNeutralSite, signInOfficer, startAcceptedChat, write } from "./pages.ts";

const baseUrl = inject("baseUrl");
const browser = browserForFile();
let officer: Page;

beforeAll(async () => {
  officer = await (await browser().newContext()).newPage();
  await signInOfficer(officer, baseUrl, EXIT_OFFICER);
});

const ways: [string, (page: Page) => Promise<void>][] = [
  ["the Quick exit button", (page) => page.getByRole("button", { name: "Quick exit" }).click()],
  ["Shift pressed three times", async (page) => {
    for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
  }],
  ["the Escape key", (page) => page.keyboard.press("Escape")],
];

describe("quick exit", () => {
  it.each(ways)("by %s: leaves for the neutral site, leaves nothing behind, and the officer sees why", async (_, leave) => {
    const context = await browser().newContext();
    await answerNeutralSite(context);
    // Records what this origin's storage held before any of the page's own code ran.
    await context.addInitScript(() => {
      (window as unknown as { storedAtStart: number }).storedAtStart = sessionStorage.length + localStorage.length;
    });
    const victim = await context.newPage();
    await startAcceptedChat(victim, officer, baseUrl);
    await write(victim, "He is coming back soon");
    await officer.getByRole("tabpanel").getByText("He is coming back soon").waitFor();

    await leave(victim);
    await victim.waitForURL(NEUTRAL_SITE);
    await officer.getByRole("tabpanel").getByText("The victim left using Quick exit.").waitFor();

    // Back does not bring the chat back.
    await victim.goBack().catch(() => null);
    expect(await victim.getByText("He is coming back soon").count()).toBe(0);

    // The origin holds nothing: no cookies, no storage of any kind, no caches, no service worker.
    const state = await context.storageState();
    expect(state.cookies).toEqual([]);
    expect(state.origins.flatMap((o) => o.localStorage)).toEqual([]);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/safe-browsing`);
    const left = await page.evaluate(async () => ({
      storedAtStart: (window as unknown as { storedAtStart: number }).storedAtStart,
      cookies: document.cookie,
      databases: (await indexedDB.databases()).length,
      caches: (await caches.keys()).length,
      workers: (await navigator.serviceWorker.getRegistrations()).length,
    }));
    expect(left).toEqual({ storedAtStart: 0, cookies: "", databases: 0, caches: 0, workers: 0 });
    await context.close();
  });

  it("is never set off by Shift used for capitals while typing", async () => {
    const context = await browser().newContext();
    await answerNeutralSite(context);
    const victim = await context.newPage();
    await victim.goto(baseUrl);
    await victim.getByRole("button", { name: "Start chat" }).click();
    const box = victim.getByRole("textbox", { name: "Message" });
    await box.click();
    await victim.keyboard.type("I Am Safe NOW. He Left At TEN. OK?");
    await victim.keyboard.press("Shift+A");
    await victim.keyboard.press("Shift+B");
    await victim.keyboard.press("Shift+C");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(victim.url().startsWith(baseUrl)).toBe(true);
    expect(await box.inputValue()).toBe("I Am Safe NOW. He Left At TEN. OK?ABC");
    await context.close();
  });

  it("is not set off by Escape in the message box, while typing or while an input method is composing", async () => {
    const context = await browser().newContext();
    await answerNeutralSite(context);
    const victim = await context.newPage();
    await victim.goto(baseUrl);
    await victim.getByRole("button", { name: "Start chat" }).click();
    const box = victim.getByRole("textbox", { name: "Message" });
    await box.click();
    await victim.keyboard.type("He has my pass");
    await victim.keyboard.press("Escape");
    // Composing in Japanese, as an input method does: Escape cancels the composition.
    const cdp = await context.newCDPSession(victim);
    await cdp.send("Input.imeSetComposition", { text: "わたし", selectionStart: 3, selectionEnd: 3 });
    await victim.keyboard.press("Escape");
    await victim.evaluate(() => {
      const field = document.querySelector("textarea")!;
      field.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", isComposing: true, bubbles: true }));
      field.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", keyCode: 229, bubbles: true }));
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(victim.url().startsWith(baseUrl)).toBe(true);
    expect(await box.inputValue()).toContain("He has my pass");

    // Outside a text field, Escape still leaves at once.
    await victim.getByRole("button", { name: "Send", exact: true }).focus();
    await victim.keyboard.press("Escape");
    await victim.waitForURL(NEUTRAL_SITE);
    await context.close();
  });

  it("counts Shift presses with a visible cue, then leaves on the third", async () => {
    const context = await browser().newContext();
    await answerNeutralSite(context);
    const victim = await context.newPage();
    await victim.goto(baseUrl);
    await victim.getByRole("button", { name: "Start chat" }).waitFor();
    await victim.keyboard.press("Shift");
    await victim.getByText("Shift 1 of 3: press again to leave.").waitFor();
    await victim.keyboard.press("Shift");
    await victim.getByText("Shift 2 of 3: press again to leave.").waitFor();
    expect(await victim.getByText("Shift 2 of 3: press again to leave.").isVisible()).toBe(true);
    await victim.keyboard.press("Shift");
    await victim.waitForURL(NEUTRAL_SITE);
    await context.close();
  });

  it("after a reopened tab or a fresh visit, shows a new start, never the conversation", async () => {
    const context = await browser().newContext();
    const victim = await context.newPage();
    await victim.goto(baseUrl);
    await victim.getByRole("button", { name: "Start chat" }).click();
    await write(victim, "Please call me later");
    await victim.getByText("Please call me later").waitFor();
    // A new navigation in the same tab (as when a closed tab is reopened) is not a reload.
    await victim.goto(baseUrl);
    await victim.getByRole("button", { name: "Start chat" }).waitFor();
    expect(await victim.getByText("Please call me later").count()).toBe(0);
    // Nothing of the chat is stored (SvelteKit keeps only its own scroll positions there).
    const stored = await victim.evaluate(() => Object.keys(sessionStorage).filter((key) => !key.startsWith("sveltekit:")));
    expect(stored).toEqual([]);
    await context.close();
  });
});
