/**
 * Officer assist in the console (issue 23): a waiting victim's words with two immediate dangers
 * raise their chat with its reason; the officer sees the cues on the message, on the chat's tab
 * and as "possible yes" on the DASH questions, and links one message as evidence for an answer
 * that is theirs. Drafted answers need a model: locally the panel says they are unavailable.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { accessibilityProblems } from "./accessibility.ts";
import { browserForFile } from "./browser.ts";
import { RISK_CUE_OFFICER } from "./officers.ts";
import { answerNeutralSite, messageLog, signInOfficer, write } from "./pages.ts";

const baseUrl = inject("baseUrl");
const browser = browserForFile();

const WORDS = "He has a knife and says he will kill me tonight";
const WEAPON = "Have they ever used a weapon or an object to hurt you?";

async function waitingVictim(): Promise<Page> {
  const context = await browser().newContext();
  await answerNeutralSite(context);
  const victim = await context.newPage();
  await victim.goto(baseUrl);
  await victim.getByRole("button", { name: "Start chat" }).click();
  await victim.getByText(/in the queue\./).waitFor();
  return victim;
}

describe("risk cues in the console", () => {
  it("raise a waiting chat with the reason, show on the message, the tab and DASH, and one links as evidence", async () => {
    const officer = await (await browser().newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await signInOfficer(officer, baseUrl, RISK_CUE_OFFICER);
    const victim = await waitingVictim();
    await write(victim, WORDS);

    // In the queue: raised, and why.
    const queue = officer.getByRole("region", { name: /Waiting/ });
    await queue.getByText("Raised: risk cue: threat to kill, weapon").waitFor();
    await officer.getByRole("button", { name: /^Accept chat 1,/ }).click();
    await victim.getByText("An officer is with you.").waitFor();

    const panel = officer.getByRole("tabpanel");
    const message = messageLog(officer).getByRole("listitem").filter({ hasText: WORDS });
    await message.getByText("Possible risk:").waitFor();
    expect(await message.innerText()).toContain("threat to kill (“kill me”)");
    expect(await message.innerText()).toContain("weapon (“knife”)");
    expect(await officer.getByRole("tab", { selected: true }).innerText()).toContain("Possible: threat to kill, weapon");
    // The victim is never shown any of it.
    expect(await messageLog(victim).innerText()).not.toContain("Possible");

    const dash = panel.getByRole("region", { name: "Risk assessment (DASH)" });
    const group = dash.locator("summary").filter({ hasText: "Violence and threats" });
    expect(await group.innerText()).toContain("2 possible yes");
    await group.click();
    const question = dash.getByRole("listitem").filter({ hasText: WEAPON }).first();
    const cues = question.getByRole("list", { name: `Risk cues for: ${WEAPON}` });
    expect(await cues.innerText()).toContain("Possible yes: weapon in message #1 (“knife”)");
    // Nothing is answered by the cue itself.
    expect(await question.getByRole("button", { name: "Yes", exact: true }).getAttribute("aria-pressed")).toBe("false");

    await question.getByRole("button", { name: `Link message #1 as evidence for: ${WEAPON}` }).click();
    await question.getByRole("button", { name: "Yes", exact: true }).click();
    await question.getByRole("status").filter({ hasText: /^Saved$/ }).waitFor();
    await question.getByRole("list", { name: `Evidence for: ${WEAPON}` }).getByText(`Message #1: ${WORDS}`).waitFor();
    // Answered yes: the cue has done its work and steps aside.
    expect(await cues.count()).toBe(0);
    expect(await group.innerText()).toContain("1 possible yes");

    // Drafts need a model, which a local service does not have; the panel says so.
    await dash.getByRole("button", { name: "Draft answers from the chat" }).click();
    await dash.getByText("Drafts are unavailable: Drafting is turned off for this service.").waitFor();
    expect(await accessibilityProblems(officer, { seriousOnly: true })).toEqual([]);
  });
});
