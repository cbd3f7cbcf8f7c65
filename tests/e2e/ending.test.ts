/**
 * Ending a chat in the browser: both sides see it has ended before the record is sealed (the
 * seal, with its PDF, follows as a job of the chat's own: worker/rooms/conversation/jobs.ts).
 * Each page notes, on its own clock, the moment the ending appears; the record's sealed_at, read
 * from the local server's D1, must come after both. Had the end waited for the seal, it could
 * not: the seal would be stamped before either page was told.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { wrangler } from "../../scripts/wrangler.ts";
import { browserForFile } from "./browser.ts";
import { ENDING_OFFICER } from "./officers.ts";
import { signInOfficer, startAcceptedChat, write } from "./pages.ts";

const baseUrl = inject("baseUrl");
const persistTo = inject("persistTo");
const browser = browserForFile();

/** From now on the page remembers when `text` first appears on it (Date.now(), this machine's clock). */
async function noteWhenShown(page: Page, text: string): Promise<void> {
  await page.evaluate((wanted) => {
    const seen = window as unknown as { shownAt?: number };
    const look = () => {
      if (seen.shownAt === undefined && document.body.innerText.includes(wanted)) seen.shownAt = Date.now();
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, text);
}

async function shownAt(page: Page, text: string): Promise<number> {
  await page.getByText(text).first().waitFor();
  const at = await page.waitForFunction(() => (window as unknown as { shownAt?: number }).shownAt);
  return (await at.jsonValue()) as number;
}

/** The newest ended chat's seal time in D1, once it has one. */
async function sealedAtOfLastEnded(): Promise<number> {
  for (let tries = 0; tries < 60; tries++) {
    const out = wrangler(
      ["d1", "execute", "DB", "--local", "--persist-to", persistTo, "--json", "--command",
        "SELECT sealed_at FROM conversations WHERE ended_at IS NOT NULL ORDER BY ended_at DESC LIMIT 1"],
      { quiet: true },
    );
    const [{ results }] = JSON.parse(out) as [{ results: { sealed_at: number | null }[] }];
    if (results[0]?.sealed_at) return results[0].sealed_at;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the ended chat was never sealed");
}

describe("ending a chat", () => {
  it("shows both sides the chat has ended before its record is sealed, and the record is then sealed", async () => {
    const officer = await (await browser().newContext()).newPage();
    await signInOfficer(officer, baseUrl, ENDING_OFFICER);
    const victim = await (await browser().newContext()).newPage();
    await startAcceptedChat(victim, officer, baseUrl);
    await write(victim, "I need to stop now");
    const panel = officer.getByRole("tabpanel");
    await panel.getByText("I need to stop now").first().waitFor();

    await noteWhenShown(victim, "The officer has ended this chat.");
    await noteWhenShown(officer, "You ended this chat.");
    await panel.getByRole("button", { name: "End chat" }).click();
    await panel.getByRole("button", { name: "Yes, end chat" }).click();
    const victimSaw = await shownAt(victim, "The officer has ended this chat.");
    const officerSaw = await shownAt(officer, "You ended this chat.");

    const sealedAt = await sealedAtOfLastEnded();
    expect(sealedAt).toBeGreaterThanOrEqual(Math.max(victimSaw, officerSaw));
  });
});
