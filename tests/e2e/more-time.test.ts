/**
 * More time on request: the officer presses "Give 30 minutes more" for a victim who has said
 * they must step away, and the victim's page says, in its own language, until when they can
 * come back; a reload of the victim's page still says so.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { browserForFile } from "./browser.ts";
import { MORE_TIME_OFFICER } from "./officers.ts";
import { signInOfficer } from "./pages.ts";

const baseUrl = inject("baseUrl");
const browser = browserForFile();

/** The officer accepts the chat of this Polish-speaking victim, from the place their page shows. */
async function acceptPolishChat(officer: Page, victim: Page) {
  const text = (await victim.getByText(/w kolejce/i).first().textContent()) ?? "";
  const position = text.includes("następna") ? "1" : /(\d+)/.exec(text)?.[1];
  await officer.getByRole("button", { name: new RegExp(`^Accept chat ${position},`) }).click();
  await victim.getByText("Policjant jest z Tobą.").waitFor();
}

describe("more time", () => {
  it("the officer gives 30 minutes more and the victim is told, in Polish, until when they can come back", async () => {
    const officer = await (await browser().newContext()).newPage();
    await signInOfficer(officer, baseUrl, MORE_TIME_OFFICER);
    const victim = await (await browser().newContext({ locale: "pl" })).newPage();
    await victim.goto(baseUrl);
    await victim.waitForFunction(() => document.documentElement.lang === "pl");
    await victim.getByRole("button", { name: "Rozpocznij czat" }).click();
    await victim.getByText(/w kolejce/i).waitFor();
    await acceptPolishChat(officer, victim);

    const panel = officer.getByRole("tabpanel");
    const give = panel.getByRole("button", { name: "Give 30 minutes more" });
    // With the keyboard, as any control.
    await give.focus();
    await officer.keyboard.press("Enter");

    const notice = /^Masz więcej czasu\. Ten czat poczeka na Ciebie do \d{1,2}:\d{2}/;
    await victim.getByRole("status").filter({ hasText: notice }).waitFor();
    await panel.getByRole("status").filter({ hasText: /^The victim has more time: they will not be asked whether they are still there before \d{1,2}:\d{2}/ }).waitFor();

    // Reloaded, the page picks the chat up again and still says so.
    await victim.reload();
    await victim.getByRole("status").filter({ hasText: notice }).waitFor();

    await panel.getByRole("button", { name: "End chat" }).click();
    await panel.getByRole("button", { name: "Yes, end chat" }).click();
    await panel.getByText("You ended this chat.").waitFor();
    expect(await panel.getByRole("button", { name: "Give 30 minutes more" }).count()).toBe(0);
    await victim.context().close();
    await officer.context().close();
  });
});
