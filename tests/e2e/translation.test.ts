import type { Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { browserForFile } from "./browser.ts";
import { TRANSLATION_OFFICER } from "./officers.ts";
import { signInOfficer, write } from "./pages.ts";

const baseUrl = inject("baseUrl");
const browser = browserForFile();
let officer: Page;

beforeAll(async () => {
  officer = await (await browser().newContext()).newPage();
  await signInOfficer(officer, baseUrl, TRANSLATION_OFFICER);
});

describe("a chat in two languages", () => {
  it("shows each side the other's messages in their own language, with the original for the officer", async () => {
    const victim = await (await browser().newContext({ locale: "pl-PL" })).newPage();
    await victim.goto(baseUrl);
    await victim.waitForFunction(() => document.documentElement.lang === "pl");
    // The page speaks Polish: its first button starts the chat.
    await victim.locator("form button.primary").first().click();
    await victim.locator("section.waiting p[role=status]").waitFor();
    await acceptChatOfPolish(officer, victim);

    await victim.getByRole("textbox").first().fill("Dzień dobry, potrzebuję pomocy");
    await victim.locator("form.compose button[type=submit]").click();
    const panel = officer.getByRole("tabpanel");
    await panel.getByText("Good morning, I need help").waitFor();
    // The officer sees the original beside the translation.
    await panel.getByText("Dzień dobry, potrzebuję pomocy").waitFor();
    await panel.getByText("Original (pl)").waitFor();

    await write(officer, "You are safe to talk here.");
    await victim.getByRole("log").getByText("Możesz tu bezpiecznie rozmawiać.").waitFor();
    expect(await victim.getByRole("log").getByText("You are safe to talk here.").isVisible()).toBe(false);
  });
});

/** The Polish page shows the queue place in Polish; accept by the position number it shows. */
async function acceptChatOfPolish(officerPage: Page, victim: Page) {
  const status = (await victim.locator("section.waiting p[role=status]").textContent()) ?? "";
  const position = Number(/(\d+)/.exec(status)?.[1] ?? "1");
  await officerPage.getByRole("button", { name: new RegExp(`^Accept chat ${position},`) }).click();
  await officerPage.getByRole("tabpanel").getByText("You are talking with the victim.").waitFor();
}
