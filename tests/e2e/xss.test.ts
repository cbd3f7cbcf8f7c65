/**
 * Well-known XSS payloads, sent as messages both ways, as a private note, as a crime reference
 * and as an officer's display name, render as plain text on the victim's page, in the console
 * and in a supervisor's live picture: no script runs and no element is made from them.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { browserForFile } from "./browser.ts";
import { XSS_OFFICER, XSS_SUPERVISOR } from "./officers.ts";
import { consoleUrl, signInOfficer, startAcceptedChat, write } from "./pages.ts";

const baseUrl = inject("baseUrl");
const browser = browserForFile();

const PAYLOADS = [
  `<img src=x onerror="window.__xss=1">`,
  `<script>window.__xss=1</script>`,
  `<svg onload="window.__xss=1"></svg>`,
  `"><iframe src="javascript:window.__xss=1"></iframe>`,
  `<a href="javascript:window.__xss=1">click me</a>`,
  `{{constructor.constructor('window.__xss=1')()}}`,
  `<details open ontoggle="window.__xss=1">x</details>`,
];

/** Fails the test if any payload ran or became an element anywhere in the page. */
async function expectInert(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  const made = await page.evaluate(() =>
    Array.from(document.querySelectorAll("img[src='x'], script, svg[onload], iframe, a[href^='javascript:'], details[ontoggle]"))
      // SvelteKit's own inline start-up script is the only script that may be there.
      .filter((e) => !(e instanceof HTMLScriptElement && e.textContent?.includes("__sveltekit")))
      .map((e) => e.outerHTML.slice(0, 120)),
  );
  expect(made).toEqual([]);
}

async function newPage() {
  const page = await (await browser().newContext()).newPage();
  page.on("dialog", () => {
    throw new Error("a dialog opened: a payload ran");
  });
  return page;
}

describe("hostile text from users", () => {
  it("is shown as text on both pages, in notes, crime references and names, and never runs", async () => {
    const officer = await newPage();
    await signInOfficer(officer, baseUrl, XSS_OFFICER);
    const victim = await newPage();
    await startAcceptedChat(victim, officer, baseUrl);
    const panel = officer.getByRole("tabpanel");

    for (const [i, payload] of PAYLOADS.entries()) {
      await write(i % 2 === 0 ? victim : officer, payload);
      await panel.getByRole("log").getByText(payload, { exact: true }).first().waitFor();
      await victim.getByRole("log").getByText(payload, { exact: true }).first().waitFor();
    }

    const note = `Note: ${PAYLOADS[0]!}`;
    await panel.getByLabel("Note (the victim never sees it)").fill(note);
    await panel.getByRole("button", { name: "Add note" }).click();
    await panel.getByText(note, { exact: true }).waitFor();
    await panel.getByLabel("Outcome", { exact: true }).selectOption("crime-recorded");
    await panel.getByLabel("Crime reference").fill(`<b>CR</b><img src=x onerror=1>`);
    await panel.getByRole("button", { name: "Record outcome" }).click();
    await panel.getByText("Recorded: Crime recorded · <b>CR</b><img src=x onerror=1>").waitFor();

    // The officer's own name, shown in their console and in a supervisor's live picture.
    await officer.getByText(`Signed in as ${XSS_OFFICER.displayName}`).waitFor();
    const supervisor = await newPage();
    await signInOfficer(supervisor, baseUrl, XSS_SUPERVISOR);
    await supervisor.goto(consoleUrl(baseUrl, "/console/supervision"));
    await supervisor.getByRole("table", { name: "Officers" }).getByText(XSS_OFFICER.displayName).first().waitFor();

    for (const page of [victim, officer, supervisor]) await expectInert(page);
  });
});
