/**
 * The console on a 1366×768 laptop: the conversation and the DASH panel side by side, both in
 * view while the officer answers, with evidence linked by picking any message in the chat, however
 * early. On a 320 px wide window it stacks and still works from the keyboard alone.
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { accessibilityProblems } from "./accessibility.ts";
import { browserForFile } from "./browser.ts";
import { LAYOUT_OFFICER } from "./officers.ts";
import { linkToDashQuestion, signInOfficer, startAcceptedChat, write } from "./pages.ts";

const baseUrl = inject("baseUrl");
const browser = browserForFile();

const EARLY_WORDS = "In January he held a knife to me and said he would kill me";
const THREAT = "Have they ever threatened to kill you or someone else, and you believed them?";
const WEAPON = "Have they ever used a weapon or an object to hurt you?";
const LAST_WORDS = "Message 30: I am still here";

/** Whether all of `locator` is inside the window, as the officer would see it without scrolling the page. */
async function wholeInView(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = page.viewportSize();
  if (!box || !size) return false;
  return box.y >= 0 && box.x >= 0 && box.y + box.height <= size.height && box.x + box.width <= size.width;
}

/** A DASH question of the open chat, its group opened. */
async function dashQuestion(officer: Page, group: string, text: string) {
  const dash = officer.getByRole("tabpanel").getByRole("region", { name: "Risk assessment (DASH)" });
  const question = dash.getByRole("listitem").filter({ hasText: text });
  if ((await question.count()) === 0) await dash.locator("summary").filter({ hasText: group }).click();
  return question;
}

describe("the console's layout", () => {
  it("at 1366×768 keeps the newest message and the DASH panel in view while an answer is given, and links an early message as evidence", async () => {
    const officer = await (await browser().newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await signInOfficer(officer, baseUrl, LAYOUT_OFFICER);
    const victim = await (await browser().newContext()).newPage();
    await startAcceptedChat(victim, officer, baseUrl);
    // A long chat: the disclosure comes first, 29 messages before the newest.
    await write(victim, EARLY_WORDS);
    for (let n = 2; n < 30; n++) await write(victim, `Message ${n}`);
    await write(victim, LAST_WORDS);
    const panel = officer.getByRole("tabpanel");
    const newest = panel.getByRole("log").getByRole("listitem").filter({ hasText: LAST_WORDS });
    await newest.waitFor();

    const weapon = await dashQuestion(officer, "Violence and threats", WEAPON);
    await weapon.getByRole("button", { name: "Yes", exact: true }).click();
    await weapon.getByRole("status").filter({ hasText: /^Saved$/ }).waitFor();
    await panel.getByText("Violence and threats 1/5 answered").waitFor();
    // Both in view at once, and the page itself has not scrolled to get there.
    expect(await wholeInView(officer, newest)).toBe(true);
    expect(await wholeInView(officer, weapon)).toBe(true);
    expect(await wholeInView(officer, panel.getByRole("textbox", { name: "Message" }))).toBe(true);
    expect(await officer.evaluate(() => document.scrollingElement?.scrollTop ?? 0)).toBe(0);
    const chatBox = await panel.getByRole("log").boundingBox();
    const dashBox = await panel.getByRole("region", { name: "Risk assessment (DASH)" }).boundingBox();
    expect(chatBox && dashBox && chatBox.x + chatBox.width <= dashBox.x).toBe(true);

    // The first message, from the first minute, linked by picking it in the chat.
    await linkToDashQuestion(officer, EARLY_WORDS, THREAT);
    const threat = await dashQuestion(officer, "Violence and threats", THREAT);
    await threat.getByRole("button", { name: "Yes", exact: true }).click();
    await threat.getByRole("status").filter({ hasText: /^Saved$/ }).waitFor();
    expect(await accessibilityProblems(officer, { seriousOnly: true })).toEqual([]);

    await officer.reload();
    await officer.getByText(`Signed in as ${LAYOUT_OFFICER.displayName}`).waitFor();
    await officer.getByRole("tabpanel").getByRole("log").getByText(LAST_WORDS).waitFor();
    const afterReload = await dashQuestion(officer, "Violence and threats", THREAT);
    await afterReload.getByRole("list", { name: `Evidence for: ${THREAT}` }).getByText(EARLY_WORDS).waitFor();
    expect(await afterReload.getByRole("button", { name: "Yes", exact: true }).getAttribute("aria-pressed")).toBe("true");
  });

  it("at 320 px wide stacks the chat above its context and works from the keyboard alone", async () => {
    const officer = await (await browser().newContext({ viewport: { width: 320, height: 640 } })).newPage();
    await signInOfficer(officer, baseUrl, LAYOUT_OFFICER);
    const panel = officer.getByRole("tabpanel");
    await panel.getByRole("log").getByText(LAST_WORDS).waitFor();

    // Nothing wider than the window; the context panel comes below the chat.
    expect(await officer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const chatBox = await panel.getByRole("region", { name: "Chat" }).boundingBox();
    const contextBox = await panel.getByRole("complementary", { name: "About this chat" }).boundingBox();
    expect(chatBox && contextBox && contextBox.y >= chatBox.y + chatBox.height).toBe(true);

    // From the keyboard: link a message to a question, then answer it.
    const message = panel.getByRole("log").getByRole("listitem").filter({ hasText: "Message 2" }).first();
    await message.getByRole("button", { name: "Link to DASH question…" }).focus();
    await officer.keyboard.press("Enter");
    const choice = message.getByLabel("DASH question", { exact: true });
    await choice.focus();
    await choice.selectOption({ label: WEAPON });
    await officer.keyboard.press("Tab");
    await officer.keyboard.press("Enter");
    await message.getByRole("status").filter({ hasText: `Linked to: ${WEAPON}` }).waitFor();
    const weapon = await dashQuestion(officer, "Violence and threats", WEAPON);
    await weapon.getByRole("list", { name: `Evidence for: ${WEAPON}` }).getByText("Message 2").waitFor();
    await weapon.getByRole("status").filter({ hasText: /^Saved$/ }).waitFor();
    await weapon.getByRole("button", { name: "No", exact: true }).focus();
    await officer.keyboard.press("Space");
    await expect.poll(() => weapon.getByRole("button", { name: "No", exact: true }).getAttribute("aria-pressed")).toBe("true");
    await weapon.getByRole("status").filter({ hasText: /^Saved$/ }).waitFor();
    expect(await officer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

    expect(await accessibilityProblems(officer, { seriousOnly: true })).toEqual([]);
  });
});
