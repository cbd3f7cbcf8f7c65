import type { Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { accessibilityProblems } from "./accessibility.ts";
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
    await acceptByPosition(officer, victim);

    await victim.getByRole("textbox").first().fill("Dzień dobry, potrzebuję pomocy");
    await victim.locator("form.compose button[type=submit]").click();
    const panel = officer.getByRole("tabpanel");
    await panel.getByText("Good morning, I need help").waitFor();
    // The officer sees the original beside the translation.
    await panel.getByText("Dzień dobry, potrzebuję pomocy").waitFor();
    await panel.getByText("Original (Polish)").waitFor();
    await panel.getByText("Written in Polish").waitFor();

    await write(officer, "You are safe to talk here.");
    await victim.getByRole("log").getByText("Możesz tu bezpiecznie rozmawiać.").waitFor();
    expect(await victim.getByRole("log").getByText("You are safe to talk here.").isVisible()).toBe(false);
  });
});

describe("a language no provider translates, and a language corrected", () => {
  it("says plainly that a Tigrinya message cannot be translated, and never shows it as needing none", async () => {
    const victim = await (await browser().newContext({ locale: "en-GB" })).newPage();
    await victim.goto(baseUrl);
    await victim.getByLabel("Language").selectOption("ti");
    await victim.waitForFunction(() => document.documentElement.lang === "ti");
    await victim.locator("form button.primary").first().click();
    await victim.locator("section.waiting p[role=status]").waitFor();
    await acceptByPosition(officer, victim);

    await victim.getByRole("textbox").first().fill("ሰብኣየይ ይወቕዓኒ እዩ፣ ሓገዝ የድልየኒ ኣሎ። ኣብ ገዛ ክኸይድ እፈርህ እየ።");
    await victim.locator("form.compose button[type=submit]").click();
    const panel = officer.getByRole("tabpanel");
    await panel.getByText("Written in Tigrinya").waitFor();
    await panel.getByText("Tigrinya: no translation available; consider an interpreter.").waitFor();
    expect(await accessibilityProblems(officer)).toEqual([]);
    await write(officer, "We will find an interpreter for you.");
    await panel.getByText("The victim sees your words as you wrote them.").waitFor();
    await victim.getByRole("log").getByText("We will find an interpreter for you.").waitFor();
  });

  it("lets the officer say which language a message is in, and translates it again", async () => {
    const victim = await (await browser().newContext({ locale: "en-GB" })).newPage();
    await victim.goto(baseUrl);
    await victim.locator("form button.primary").first().click();
    await victim.locator("section.waiting p[role=status]").waitFor();
    await acceptByPosition(officer, victim);

    const ukrainian = "Він мене б'є, і я боюся повертатися додому";
    await victim.getByRole("textbox").first().fill(ukrainian);
    await victim.locator("form.compose button[type=submit]").click();
    const panel = officer.getByRole("tabpanel");
    await panel.getByText(`[uk>en] ${ukrainian}`).waitFor();

    await panel.getByRole("button", { name: "Change language of this message (read as Ukrainian)" }).click();
    expect(await accessibilityProblems(officer)).toEqual([]);
    await panel.getByLabel("This message is in").selectOption({ label: "Russian" });
    await panel.getByRole("button", { name: "Translate again" }).click();
    await panel.getByText("Written in Russian").waitFor();
    await panel.getByText(`[ru>en] ${ukrainian}`).waitFor();
    // The officer's reply now goes into Russian.
    await write(officer, "Are you safe now?");
    await victim.getByRole("log").getByText("[en>ru] Are you safe now?").waitFor();
  });
});

/** The page shows the queue place in its own language; accept by the position number it shows. */
async function acceptByPosition(officerPage: Page, victim: Page) {
  const status = (await victim.locator("section.waiting p[role=status]").textContent()) ?? "";
  const position = Number(/(\d+)/.exec(status)?.[1] ?? "1");
  await officerPage.getByRole("button", { name: new RegExp(`^Accept chat ${position},`) }).click();
  await officerPage.getByRole("tabpanel").getByText("You are talking with the victim.").waitFor();
}
