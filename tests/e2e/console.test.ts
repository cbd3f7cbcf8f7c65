import { describe, expect, inject, it } from "vitest";
import { browserForFile } from "./browser.ts";
import { CONSOLE_OFFICER } from "./officers.ts";
import { linkToDashQuestion, signInOfficer, startAcceptedChat, write } from "./pages.ts";

const baseUrl = inject("baseUrl");
const browser = browserForFile();

describe("the officer's console", () => {
  it("handles two chats at once, asks a DASH question, links the answer, sees the grading, records an outcome and ends", async () => {
    const officer = await (await browser().newContext()).newPage();
    await signInOfficer(officer, baseUrl, CONSOLE_OFFICER);
    const first = await (await browser().newContext()).newPage();
    const second = await (await browser().newContext()).newPage();
    await startAcceptedChat(first, officer, baseUrl);
    await startAcceptedChat(second, officer, baseUrl);
    await expect.poll(() => officer.getByRole("tab").count()).toBe(2);

    // The first chat's victim writes while the officer is in the second: it shows as unread.
    await write(first, "He grabbed my throat last night");
    await officer.getByRole("tab").first().getByText("1 new").waitFor();
    await officer.getByRole("tab").first().click();
    const panel = officer.getByRole("tabpanel");
    await panel.getByText("He grabbed my throat last night").first().waitFor();

    // Ask a DASH question in the chat; the victim sees it.
    await panel.getByText("Violence and threats").click();
    const strangled = panel.getByRole("listitem").filter({ hasText: "Have they ever tried to strangle" });
    await strangled.getByRole("button", { name: "Ask in chat" }).click();
    await first.getByRole("log").getByText("Have they ever tried to strangle, choke, suffocate or drown you?").waitFor();
    await write(first, "Yes, twice");
    await panel.getByRole("log").getByText("Yes, twice").waitFor();

    // Answer it from her messages, picked in the chat itself, and the grading counts it.
    await linkToDashQuestion(officer, "He grabbed my throat last night", "Have they ever tried to strangle, choke, suffocate or drown you?");
    await strangled.getByRole("button", { name: "Yes", exact: true }).click();
    await strangled.getByRole("list", { name: /^Evidence for/ }).getByText("He grabbed my throat last night").waitFor();
    await panel.getByRole("status").filter({ hasText: "Yes answers: 1 of 27" }).waitFor();
    await panel.getByLabel("Professional judgement").selectOption("high");
    await panel.getByLabel("Reason").fill("Non-fatal strangulation is a strong predictor of homicide");
    await panel.getByRole("button", { name: "Record judgement" }).click();
    await panel.getByText("Refer to MARAC").waitFor();

    // A private note and the outcome, then the officer ends the chat.
    await panel.getByLabel("Note (the victim never sees it)").fill("Safe to call back after 6pm");
    await panel.getByRole("button", { name: "Add note" }).click();
    await panel.getByText("Safe to call back after 6pm").waitFor();
    await panel.getByLabel("Outcome", { exact: true }).selectOption("crime-recorded");
    await panel.getByLabel("Crime reference").fill("CRI/2026/000123");
    await panel.getByRole("button", { name: "Record outcome" }).click();
    await panel.getByText("Recorded: Crime recorded · CRI/2026/000123").waitFor();
    expect(await first.getByText("Safe to call back after 6pm").count()).toBe(0);

    await panel.getByRole("button", { name: "End chat" }).click();
    await panel.getByRole("button", { name: "Yes, end chat" }).click();
    await first.getByText("The officer has ended this chat.").waitFor();
    // The second chat is untouched.
    await officer.getByRole("tab").last().click();
    await officer.getByRole("tabpanel").getByText("You are talking with the victim.").waitFor();
  });
});
