/**
 * The pages keep to their own Content Security Policy (svelte.config.js): the browser reports no
 * violation, so the console stays clean and a force that adds a report endpoint hears nothing
 * from its own pages. The one inline style allowed is SvelteKit's route announcer, the hidden
 * live region that tells a screen reader which page it is on after a navigation in the console.
 */
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { browserForFile } from "./browser.ts";
import { consoleUrl, signInOfficer } from "./pages.ts";

const baseUrl = inject("baseUrl");
const browser = browserForFile();

/** A page that keeps every policy violation it meets, as the browser reports them. */
async function watchedPage(context: BrowserContext): Promise<Page> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.effectiveDirective}: ${event.sample || event.blockedURI}`);
    });
  });
  return context.newPage();
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { violations: string[] }).violations);

describe("the content security policy", () => {
  it("reports no violation on the victim page", async () => {
    const victim = await watchedPage(await browser().newContext());
    await victim.goto(baseUrl);
    await victim.getByRole("button", { name: "Start chat" }).waitFor();
    expect(await violations(victim)).toEqual([]);
  });

  it("reports none in the console, and after moving between its pages the announcer is heard, not seen", async () => {
    const officer = await watchedPage(await browser().newContext());
    await signInOfficer(officer, baseUrl);
    await officer.goto(consoleUrl(baseUrl, "/console/records"));
    await officer.getByRole("link", { name: "Console" }).click();
    await officer.getByRole("heading", { name: "Your chats" }).waitFor();

    const announcer = officer.locator("#svelte-announcer");
    await expect.poll(() => announcer.textContent()).not.toBe("");
    // Visually hidden: a screen reader reads the new page's name; nobody sees it on the page.
    const box = await announcer.boundingBox();
    expect(box?.width).toBeLessThanOrEqual(1);
    expect(box?.height).toBeLessThanOrEqual(1);
    expect(await violations(officer)).toEqual([]);
  });
});
