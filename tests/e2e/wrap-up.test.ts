/**
 * A chat that ends stays in the officer's list in wrap-up: it asks for the outcome, takes final
 * notes and DASH changes into the sealed record, survives a reload of the console, and leaves
 * the list only when the officer closes it (which it refuses until an outcome is recorded).
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { accessibilityProblems } from "./accessibility.ts";
import { browserForFile } from "./browser.ts";
import { WRAP_UP_OFFICER } from "./officers.ts";
import { answerNeutralSite, consoleUrl, NEUTRAL_SITE, signInOfficer, startAcceptedChat, write } from "./pages.ts";

const baseUrl = inject("baseUrl");
const browser = browserForFile();

const VICTIM_WORDS = "He keeps turning up at my work";
const FOLLOWS = "Do they keep texting, calling or contacting you, follow you, or turn up where you are?";
const LATE_COMMENT = "Outside her work three times this week";

/** A DASH question of the open chat, its group opened. */
async function dashQuestion(officer: Page, group: string, text: string) {
  const dash = officer.getByRole("tabpanel").getByRole("region", { name: "Risk assessment (DASH)" });
  const question = dash.getByRole("listitem").filter({ hasText: text });
  if ((await question.count()) === 0) await dash.locator("summary").filter({ hasText: group }).click();
  return question;
}

describe("an ended chat's wrap-up", () => {
  let officer: Page;

  it("after a quick exit keeps the chat in wrap-up, takes DASH changes, and refuses to close without an outcome", async () => {
    officer = await (await browser().newContext()).newPage();
    await signInOfficer(officer, baseUrl, WRAP_UP_OFFICER);
    const victimContext = await browser().newContext();
    await answerNeutralSite(victimContext);
    const victim = await victimContext.newPage();
    await startAcceptedChat(victim, officer, baseUrl);
    await write(victim, VICTIM_WORDS);
    const panel = officer.getByRole("tabpanel");
    await panel.getByRole("log").getByText(VICTIM_WORDS).waitFor();

    await victim.getByRole("button", { name: "Quick exit" }).click();
    await victim.waitForURL(NEUTRAL_SITE);
    await panel.getByText("The victim left using Quick exit.").waitFor();
    await panel.getByRole("region", { name: "Wrap-up" }).waitFor();
    expect(await officer.getByRole("tab").count()).toBe(1);

    // A DASH answer and comment after the end are saved (as additions to the sealed record).
    const follows = await dashQuestion(officer, "What is happening now", FOLLOWS);
    const saved = follows.getByRole("status").filter({ hasText: /^Saved$/ });
    await follows.getByRole("button", { name: "Yes", exact: true }).click();
    await saved.waitFor({ timeout: 15_000 });
    await follows.getByLabel("Comment").fill(LATE_COMMENT);
    await follows.getByLabel("Comment").press("Tab");
    await saved.waitFor({ timeout: 15_000 });

    // No outcome yet: Close says so, and the chat stays.
    const close = panel.getByRole("button", { name: "Close wrap-up" });
    await close.click();
    await panel.getByRole("alert").filter({ hasText: "Cannot close yet: Record the outcome first." }).waitFor();
    expect(await officer.getByRole("tab").count()).toBe(1);
    await expect.poll(() => officer.evaluate(() => document.activeElement?.id ?? "")).toMatch(/^outcome-/);

    expect(await accessibilityProblems(officer, { seriousOnly: true })).toEqual([]);
  });

  it("keeps the wrap-up across a reload until it is closed, and the outcome chosen there is in Records", async () => {
    await officer.reload();
    await officer.getByText(`Signed in as ${WRAP_UP_OFFICER.displayName}`).waitFor();
    const panel = officer.getByRole("tabpanel");
    await panel.getByRole("region", { name: "Wrap-up" }).waitFor();
    // The DASH change made after the end is still there.
    const follows = await dashQuestion(officer, "What is happening now", FOLLOWS);
    await expect.poll(() => follows.getByLabel("Comment").inputValue()).toBe(LATE_COMMENT);

    await panel.getByLabel("Outcome", { exact: true }).selectOption("referral-made");
    await panel.getByRole("button", { name: "Record outcome" }).click();
    await panel.getByText("Recorded: Referral made").waitFor({ timeout: 15_000 });
    await panel.getByText("Ready to close.").waitFor();
    await panel.getByRole("button", { name: "Close wrap-up" }).click();
    await expect.poll(() => officer.getByRole("tab").count(), { timeout: 15_000 }).toBe(0);
    await officer.getByText("Accept a waiting chat to start.").waitFor();

    // Closed for good: a reload does not bring it back.
    await officer.reload();
    await officer.getByText(`Signed in as ${WRAP_UP_OFFICER.displayName}`).waitFor();
    await officer.getByText("Accept a waiting chat to start.").waitFor();
    expect(await officer.getByRole("tab").count()).toBe(0);

    const records = await officer.context().newPage();
    await records.goto(consoleUrl(baseUrl, "/console/records"));
    const search = records.getByRole("region", { name: "Find records" });
    await search.getByLabel("Reason for this search").fill("Checking the outcome recorded in wrap-up");
    await search.getByRole("button", { name: "Search" }).click();
    // This officer's only chat.
    const row = search.getByRole("row").filter({ has: records.getByRole("button", { name: /^Open record started / }) });
    await row.waitFor();
    expect(await row.getByRole("cell").allTextContents()).toEqual(expect.arrayContaining(["You", "Referral made"]));
  });
});
