/**
 * The supervision page: a supervisor opens it from the console, tells two live chats apart by
 * their officer and language, sorts them by a column with the mouse and the keyboard, and sends
 * one officer a private message that reaches their chat tab and never the victim.
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { accessibilityProblems } from "./accessibility.ts";
import { browserForFile } from "./browser.ts";
import { SUPERVISED_OFFICER_ABE, SUPERVISED_OFFICER_ZED, SUPERVISION_SUPERVISOR } from "./officers.ts";
import { acceptChatOf, acceptPolishChatOf, messageLog, signInOfficer, write } from "./pages.ts";

const baseUrl = inject("baseUrl");
const browser = browserForFile();

const PRIVATE_WORDS = "Ask whether the children are in the house before anything else.";

/** This file's two chats' rows (other files' chats may be live too), in the order shown. */
async function officersInOrder(table: Locator): Promise<string[]> {
  const officers = await table.getByRole("row").allTextContents();
  return officers
    .map((row) => [SUPERVISED_OFFICER_ABE, SUPERVISED_OFFICER_ZED].find((o) => row.includes(o.displayName))?.displayName)
    .filter((name) => name !== undefined);
}

const rowOf = (table: Locator, officerName: string) => table.getByRole("row").filter({ hasText: officerName });
const header = (table: Locator, name: string) => table.getByRole("columnheader").filter({ has: table.page().getByRole("button", { name, exact: true }) });

describe("the supervision page", () => {
  it("tells two chats apart, sorts them by a column, and carries a private message to the officer only", async () => {
    // Two officers, each with a chat: PC Abe a victim on a Polish page, PC Zed one on an English page who has written.
    const abe = await (await browser().newContext()).newPage();
    await signInOfficer(abe, baseUrl, SUPERVISED_OFFICER_ABE);
    const polishVictim = await (await browser().newContext({ locale: "pl" })).newPage();
    await polishVictim.goto(baseUrl);
    await polishVictim.waitForFunction(() => document.documentElement.lang === "pl");
    await polishVictim.getByRole("button", { name: "Rozpocznij czat" }).click();
    await polishVictim.getByText(/w kolejce/i).waitFor();
    await acceptPolishChatOf(abe, polishVictim);

    const zed = await (await browser().newContext()).newPage();
    await signInOfficer(zed, baseUrl, SUPERVISED_OFFICER_ZED);
    const victim = await (await browser().newContext()).newPage();
    await victim.goto(baseUrl);
    await victim.getByRole("button", { name: "Start chat" }).click();
    await victim.getByText(/in the queue\./).waitFor();
    await write(victim, "I need to talk to someone about my partner");
    await acceptChatOf(zed, victim);

    // The supervisor opens the page from the console's header, in a new tab.
    const supervisorContext = await browser().newContext();
    const consolePage = await supervisorContext.newPage();
    await signInOfficer(consolePage, baseUrl, SUPERVISION_SUPERVISOR);
    const [page] = (await Promise.all([
      supervisorContext.waitForEvent("page"),
      consolePage.getByRole("link", { name: "Supervision" }).click(),
    ])) as [Page, void];
    await page.getByRole("heading", { name: "Supervision", level: 1 }).waitFor();
    const table = page.getByRole("table", { name: /^Live chats/ });

    // Each row says whose chat it is, in which language, and how it is going.
    const abeRow = rowOf(table, SUPERVISED_OFFICER_ABE.displayName);
    const zedRow = rowOf(table, SUPERVISED_OFFICER_ZED.displayName);
    await abeRow.getByRole("cell", { name: "Polish", exact: true }).waitFor();
    await zedRow.getByRole("cell", { name: "English", exact: true }).waitFor();
    await zedRow.getByRole("cell", { name: /^\d+ s ago$|^\d+ min \d+ s ago$/ }).waitFor();
    await abeRow.getByRole("cell", { name: "Not assessed · 0/27 answered" }).waitFor();
    expect(await abeRow.textContent()).not.toBe(await zedRow.textContent());
    // The Read buttons are told apart too, by the chat's language.
    expect(await abeRow.getByRole("button", { name: /^Read Polish chat started/ }).count()).toBe(1);
    expect(await zedRow.getByRole("button", { name: /^Read English chat started/ }).count()).toBe(1);

    // Sorted by officer with the mouse: Abe before Zed, and the header says so.
    await table.getByRole("button", { name: "Officer", exact: true }).click();
    await expect.poll(() => header(table, "Officer").getAttribute("aria-sort")).toBe("ascending");
    expect(await officersInOrder(table)).toEqual([SUPERVISED_OFFICER_ABE.displayName, SUPERVISED_OFFICER_ZED.displayName]);
    // By language with the keyboard: English (Zed's) before Polish (Abe's).
    await table.getByRole("button", { name: "Language", exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => header(table, "Language").getAttribute("aria-sort")).toBe("ascending");
    expect(await header(table, "Officer").getAttribute("aria-sort")).toBe("none");
    expect(await officersInOrder(table)).toEqual([SUPERVISED_OFFICER_ZED.displayName, SUPERVISED_OFFICER_ABE.displayName]);
    await page.keyboard.press("Space");
    await expect.poll(() => header(table, "Language").getAttribute("aria-sort")).toBe("descending");
    expect(await officersInOrder(table)).toEqual([SUPERVISED_OFFICER_ABE.displayName, SUPERVISED_OFFICER_ZED.displayName]);

    expect(await accessibilityProblems(page, { seriousOnly: true })).toEqual([]);

    // A private word to PC Zed: it reaches his chat tab, marked as the sergeant's, and not the victim.
    await zedRow.getByRole("button", { name: /^Message officer about English chat/ }).click();
    await page.getByLabel(/^Private message to PC Zed/).fill(PRIVATE_WORDS);
    await page.getByRole("button", { name: "Send privately" }).click();
    await page.getByRole("status").filter({ hasText: "Sent privately to PC Zed." }).waitFor();
    const panel = zed.getByRole("tabpanel");
    await panel.getByText(PRIVATE_WORDS).waitFor();
    await panel.getByText(`From ${SUPERVISION_SUPERVISOR.displayName} (private):`).waitFor();
    expect(await abe.getByText(PRIVATE_WORDS).count()).toBe(0);

    await write(zed, "Are you somewhere safe to talk?");
    await messageLog(victim).getByText("Are you somewhere safe to talk?").waitFor();
    expect(await victim.locator("body").innerText()).not.toContain(PRIVATE_WORDS);

    expect(await accessibilityProblems(page, { seriousOnly: true })).toEqual([]);
    // At 320 px wide the tables stack, and nothing needs scrolling sideways.
    await page.setViewportSize({ width: 320, height: 800 });
    await zedRow.getByRole("button", { name: /^Read English chat/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    for (const p of [abe, polishVictim, zed, victim, page]) await p.context().close();
  });
});
