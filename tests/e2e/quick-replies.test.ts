/**
 * Quick replies called from the officer's message box: "/" searches them in a list under the
 * box, the keyboard moves through it, and the chosen phrase lands in the box to send or edit.
 * Sent unchanged, a Polish victim reads its reviewed translation (and so for a DASH question
 * asked in the chat); edited, it is the officer's own words.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { accessibilityProblems } from "./accessibility.ts";
import { browserForFile } from "./browser.ts";
import { QUICK_REPLY_OFFICER } from "./officers.ts";
import { acceptPolishChatOf, messageLog, signInOfficer, startAcceptedChat, texts } from "./pages.ts";

const baseUrl = inject("baseUrl");
const browser = browserForFile();
let officer: Page;

const SAFE_TO_TALK = "Are you safe to talk right now?";

beforeAll(async () => {
  officer = await (await browser().newContext()).newPage();
  await signInOfficer(officer, baseUrl, QUICK_REPLY_OFFICER);
});

/** The officer's message box, in the chat in view. */
const messageBox = () => officer.getByRole("tabpanel").getByRole("textbox", { name: "Message" });

describe("quick replies from the message box", () => {
  it("offers the safety quick reply for /safe, with the keyboard, and sends it as the officer edited it", async () => {
    const victim = await (await browser().newContext()).newPage();
    await startAcceptedChat(victim, officer, baseUrl);

    const box = messageBox();
    await box.click();
    await box.pressSequentially("/safe");
    const list = officer.getByRole("listbox", { name: "Quick replies" });
    await list.getByRole("option", { name: SAFE_TO_TALK }).waitFor();
    expect(await accessibilityProblems(officer, { seriousOnly: true })).toEqual([]);

    // The box names the highlighted phrase (aria-activedescendant); Up and Down move it.
    const highlighted = async () => {
      const id = await box.getAttribute("aria-activedescendant");
      return id ? officer.locator(`[id="${id}"]`).textContent() : null;
    };
    const options = await list.getByRole("option").allTextContents();
    expect(options.length).toBeGreaterThan(1);
    expect(await highlighted()).toBe(options[0]);
    await box.press("ArrowDown");
    expect(await highlighted()).toBe(options[1]);
    await box.press("ArrowUp");
    expect(await highlighted()).toBe(options[0]);

    // Escape closes the list and leaves the words; typing on searches again.
    await box.press("Escape");
    await list.waitFor({ state: "detached" });
    expect(await box.inputValue()).toBe("/safe");
    await box.pressSequentially(" to talk");
    await list.getByRole("option", { name: SAFE_TO_TALK }).waitFor();
    expect(await highlighted()).toBe(SAFE_TO_TALK);

    // With nothing matching, Enter sends nothing: "/..." never reaches the victim by accident.
    await box.pressSequentially("zzz");
    await list.waitFor({ state: "detached" });
    await officer.getByText("No quick reply matches").waitFor();
    await box.press("Enter");
    expect(await box.inputValue()).toBe("/safe to talkzzz");
    for (let i = 0; i < 3; i++) await box.press("Backspace");

    // Enter puts the phrase in the box, not into the chat; the officer edits it and sends it.
    await box.press("Enter");
    await list.waitFor({ state: "detached" });
    expect(await box.inputValue()).toBe(SAFE_TO_TALK);
    expect(await texts(messageLog(victim))).toEqual([]);
    await box.pressSequentially(" Just answer yes or no.");
    await box.press("Enter");
    const edited = `${SAFE_TO_TALK} Just answer yes or no.`;
    await messageLog(victim).getByText(edited).waitFor();
    expect(await texts(messageLog(victim))).toEqual([edited]);
  });

  it("sends a quick reply and a DASH question unchanged with their reviewed Polish, and an edited one as the officer's own words", async () => {
    const victim = await (await browser().newContext({ locale: "pl-PL" })).newPage();
    await victim.goto(baseUrl);
    await victim.waitForFunction(() => document.documentElement.lang === "pl");
    await victim.getByRole("button", { name: "Rozpocznij czat" }).click();
    await victim.getByText(/w kolejce/i).waitFor();
    await acceptPolishChatOf(officer, victim);
    // The victim writes first, so the chat's language is read from her words.
    await victim.getByRole("textbox").first().fill("Dzień dobry, potrzebuję pomocy");
    await victim.locator("form.compose button[type=submit]").click();
    const panel = officer.getByRole("tabpanel");
    await panel.getByText("Written in Polish").waitFor();

    const box = messageBox();
    await box.click();
    await box.pressSequentially("/safe to talk");
    await officer.getByRole("option", { name: SAFE_TO_TALK }).click();
    expect(await box.inputValue()).toBe(SAFE_TO_TALK);
    await panel.getByRole("button", { name: "Send", exact: true }).click();
    // The translation written for the phrase, not a machine's.
    // (The log's name is in Polish on her page.)
    const log = victim.getByRole("log");
    await log.getByText("Czy możesz teraz bezpiecznie rozmawiać?", { exact: true }).waitFor();

    // A DASH question asked in the chat comes with its reviewed translation too.
    await panel.getByText("What is happening now").click();
    const frightened = panel.getByRole("listitem").filter({ hasText: "Are you very frightened?" });
    await frightened.getByRole("button", { name: "Ask in chat" }).click();
    await log.getByText("Czy bardzo się boisz?", { exact: true }).waitFor();

    // Edited, the phrase is the officer's own words: the reviewed translation no longer fits it.
    await box.pressSequentially("/safe to talk");
    await box.press("Enter");
    await box.pressSequentially(" Or later?");
    await box.press("Enter");
    await expect.poll(async () => (await texts(log)).length, { timeout: 15_000 }).toBe(4);
    const last = (await texts(log)).at(-1) ?? "";
    expect(last).not.toBe("Czy możesz teraz bezpiecznie rozmawiać?");
  });
});
