/**
 * Nothing an officer writes in the console is lost: DASH comments and evidence links save as
 * they change, and notes and the outcome recorded after the victim has gone are kept in the
 * sealed record as additions to it.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { browserForFile } from "./browser.ts";
import { INPUT_OFFICER } from "./officers.ts";
import { answerNeutralSite, consoleUrl, linkToDashQuestion, messageLog, NEUTRAL_SITE, signInOfficer, startAcceptedChat, write } from "./pages.ts";

const baseUrl = inject("baseUrl");
const browser = browserForFile();

const VICTIM_WORDS = "He put his hands round my neck on Friday";
const COMMENT = "Twice this year; the second time she passed out";
const NOTE = "Victim left by quick exit; do not call back before 6pm";
const EARLY_WORDS = "Hello, I am PC Ned. Are you safe to talk?";
const STRANGLED = "Have they ever tried to strangle, choke, suffocate or drown you?";

/** The "strangled" question in the chat's DASH checklist, its group opened. */
async function strangledQuestion(officer: Page) {
  const panel = officer.getByRole("tabpanel");
  await panel.getByText("Violence and threats").click();
  return panel.getByRole("region", { name: "Risk assessment (DASH)" }).getByRole("listitem").filter({ hasText: STRANGLED });
}

describe("an officer's input in the console", () => {
  let officer: Page;
  let victim: Page;

  it("keeps a DASH comment and evidence link made after the answer, across a reload, without pressing the answer again", async () => {
    officer = await (await browser().newContext()).newPage();
    await signInOfficer(officer, baseUrl, INPUT_OFFICER);
    const victimContext = await browser().newContext();
    await answerNeutralSite(victimContext);
    victim = await victimContext.newPage();
    await startAcceptedChat(victim, officer, baseUrl);
    await write(victim, VICTIM_WORDS);
    await officer.getByRole("tabpanel").getByRole("log").getByText(VICTIM_WORDS).waitFor();

    let question = await strangledQuestion(officer);
    // "Saved" exactly: "Not saved yet" holds the same letters.
    const saved = question.getByRole("status").filter({ hasText: /^Saved$/ });
    await question.getByRole("button", { name: "Yes", exact: true }).click();
    await saved.waitFor();
    // Both made after the answer, and the answer is not pressed again.
    await linkToDashQuestion(officer, VICTIM_WORDS, STRANGLED);
    await saved.waitFor();
    await question.getByLabel("Comment").fill(COMMENT);
    await question.getByRole("status").filter({ hasText: "Not saved yet" }).waitFor();
    await saved.waitFor();

    await officer.reload();
    await officer.getByText(`Signed in as ${INPUT_OFFICER.displayName}`).waitFor();
    question = await strangledQuestion(officer);
    await expect.poll(() => question.getByLabel("Comment").inputValue()).toBe(COMMENT);
    await question.getByRole("list", { name: /^Evidence for/ }).getByText(VICTIM_WORDS).waitFor();
    expect(await question.getByRole("button", { name: "Yes", exact: true }).getAttribute("aria-pressed")).toBe("true");
  });

  it("after the victim quick-exits, keeps the outcome and a note the officer records in the sealed record", async () => {
    await victim.getByRole("button", { name: "Quick exit" }).click();
    await victim.waitForURL(NEUTRAL_SITE);
    const panel = officer.getByRole("tabpanel");
    await panel.getByText("The victim left using Quick exit.").waitFor();

    // The chat has ended: the same forms add to its record (retrying while it is being sealed).
    await panel.getByLabel("Outcome", { exact: true }).selectOption("referral-made");
    await panel.getByLabel("Detail").fill("Referred to the local IDVA service");
    await panel.getByRole("button", { name: "Record outcome" }).click();
    await panel.getByText("Recorded: Referral made").waitFor({ timeout: 15_000 });
    const noteBox = panel.getByLabel("Note (the victim never sees it)");
    await noteBox.fill(NOTE);
    await panel.getByRole("button", { name: "Add note" }).click();
    await panel.getByRole("listitem").filter({ hasText: NOTE }).waitFor({ timeout: 15_000 });
    expect(await noteBox.inputValue()).toBe("");
    expect(await panel.getByRole("alert").count()).toBe(0);

    // Records: the outcome is there, not "Not recorded", and the note is among the record's additions.
    const records = await officer.context().newPage();
    await records.goto(consoleUrl(baseUrl, "/console/records"));
    const search = records.getByRole("region", { name: "Find records" });
    await search.getByLabel("Reason for this search").fill("Checking the outcome recorded after a quick exit");
    await search.getByRole("button", { name: "Search" }).click();
    // This officer's only chat.
    const row = search.getByRole("row").filter({ has: records.getByRole("button", { name: /^Open record started / }) });
    await row.waitFor();
    expect(await row.getByRole("cell").allTextContents()).toEqual(expect.arrayContaining(["You", "Referral made"]));
    await row.getByRole("button", { name: /^Open record started / }).click();
    const record = records.getByRole("region", { name: /^Record started / });
    await record.getByText("Seal intact: not changed since it was sealed").waitFor();
    await record.getByRole("listitem").filter({ hasText: `Note: ${NOTE}` }).waitFor();
  });

  it("sends what the officer writes before the chat's connection has said hello, once it does", async () => {
    // The server's first words on the officer's new chat connection are held back until the
    // officer has written and pressed Send, as on a slow network just after Accept.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await officer.routeWebSocket(/\/parties\/conversation\//, (page) => {
      const server = page.connectToServer();
      page.onMessage((frame) => server.send(frame));
      server.onMessage((frame) => void released.then(() => page.send(frame)));
    });
    const victimContext = await browser().newContext();
    await answerNeutralSite(victimContext);
    victim = await victimContext.newPage();
    await startAcceptedChat(victim, officer, baseUrl);
    await write(officer, EARLY_WORDS);
    release();
    await messageLog(victim).getByText(EARLY_WORDS).waitFor();
    await officer.getByRole("tabpanel").getByRole("log").getByText(EARLY_WORDS).waitFor();
    expect(await officer.getByRole("tabpanel").getByRole("textbox", { name: "Message" }).inputValue()).toBe("");
  });
});
