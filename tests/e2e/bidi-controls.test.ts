/**
 * A message written with a hidden right-to-left override reads, to the officer, exactly as it
 * was written: in the console while the chat is live, and in Records after it has been sealed.
 * The override is shown as a marker (‹RLO›) instead of reversing the words after it, which in
 * a browser would turn "...yawa og ot em dlot eh" into "he told me to go away".
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { accessibilityProblems } from "./accessibility.ts";
import { browserForFile } from "./browser.ts";
import { BIDI_OFFICER } from "./officers.ts";
import { signInOfficer, startAcceptedChat, write } from "./pages.ts";

const baseUrl = inject("baseUrl");
const browser = browserForFile();

const WRITTEN = "I am now safe \u202Eyawa og ot em dlot eh";
const AS_WRITTEN = "I am now safe \u2039RLO\u203Ayawa og ot em dlot eh";
const NOTE = "Called back from \u202Eenohp s'dneirf a";
const MARKER = "hidden right-to-left override character (U+202E)";

/** Each word of the element's text as drawn on screen: where its box starts, and its top and bottom. */
function wordsAsDrawn(element: Locator) {
  return element.evaluate((root) => {
    const words: { word: string; left: number; top: number; bottom: number }[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of (node.textContent ?? "").matchAll(/\S+/gu)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const box = range.getBoundingClientRect();
        words.push({ word: match[0], left: Math.round(box.left), top: box.top, bottom: box.bottom });
      }
    }
    return words;
  });
}

/** Fails unless the element reads as written: its visible text, and its words left to right in that order. */
async function expectReadsAsWritten(text: Locator, expected: string) {
  const words = await wordsAsDrawn(text);
  // On one line: every word's box overlaps every other's (the marker is set smaller).
  expect(Math.max(...words.map((w) => w.top)), "on one line").toBeLessThan(Math.min(...words.map((w) => w.bottom)));
  const lefts = words.map((w) => w.left);
  expect(lefts, `words drawn as ${JSON.stringify(words)}`).toEqual([...lefts].sort((a, b) => a - b));
  expect(new Set(lefts).size).toBe(lefts.length);
  expect(await text.evaluate((e) => (e as HTMLElement).innerText)).toBe(expected);
  await text.getByRole("img", { name: MARKER }).first().waitFor();
}

async function openOnlyRecord(officer: Page): Promise<Locator> {
  const [records] = await Promise.all([
    officer.context().waitForEvent("page"),
    officer.getByRole("link", { name: "Records", exact: true }).click(),
  ]);
  await records.getByRole("heading", { name: "Find records" }).waitFor();
  await records.getByLabel("Reason for this search").fill("Reading back the chat with the victim today");
  const open = records.getByRole("button", { name: /^Open record started / });
  // Sealing follows the end of the chat; search again until the record is there.
  for (let tries = 0; (await open.count()) === 0; tries++) {
    if (tries === 20) throw new Error("the sealed record never appeared in Records");
    await records.getByRole("button", { name: "Search" }).click();
    await open.or(records.getByText("No records found.")).first().waitFor();
    if ((await open.count()) === 0) await records.waitForTimeout(250);
  }
  await open.click();
  const record = records.getByRole("region", { name: /^Record started / });
  await record.getByText("Seal intact: not changed since it was sealed").waitFor();
  return record;
}

describe("words written with hidden direction characters", () => {
  it("read as written, with a visible marker, in the console and in Records; the victim sees their own words unchanged", async () => {
    const officer = await (await browser().newContext()).newPage();
    await signInOfficer(officer, baseUrl, BIDI_OFFICER);
    const victim = await (await browser().newContext()).newPage();
    await startAcceptedChat(victim, officer, baseUrl);
    await write(victim, WRITTEN);

    const live = officer.getByRole("tabpanel").getByRole("log").locator(".text").filter({ hasText: "I am now safe" });
    await live.waitFor();
    // The reversed words read to the language model as another language (Norwegian), so the
    // message gets a translation column; the words are measured on the original alone.
    await officer.getByRole("tabpanel").getByLabel("Show translations").uncheck();
    await expectReadsAsWritten(live, AS_WRITTEN);
    expect(await accessibilityProblems(officer)).toEqual([]);

    // The victim's page shows their words as their own message box did: no marker to puzzle over.
    const own = victim.getByRole("log").locator(".text").filter({ hasText: "I am now safe" });
    await own.waitFor();
    expect(await own.evaluate((e) => (e as HTMLElement).innerText)).toBe(WRITTEN);
    expect(await own.getByRole("img").count()).toBe(0);

    await officer.getByRole("tabpanel").getByRole("button", { name: "End chat" }).click();
    await officer.getByRole("tabpanel").getByRole("button", { name: "Yes, end chat" }).click();
    await victim.getByText("The officer has ended this chat.").waitFor();

    const record = await openOnlyRecord(officer);
    const sealed = record.getByRole("list", { name: "Messages" }).locator(".text").filter({ hasText: "I am now safe" });
    await expectReadsAsWritten(sealed, AS_WRITTEN);

    // A note added to the record afterwards is shown the same way.
    await record.getByLabel("Note", { exact: true }).fill(NOTE);
    await record.getByRole("button", { name: "Add note" }).click();
    await record.getByRole("status").filter({ hasText: "Note added to the record." }).waitFor();
    const note = record.getByRole("listitem").filter({ hasText: "Note: Called back" }).locator(".text");
    await expectReadsAsWritten(note, "Note: Called back from \u2039RLO\u203Aenohp s'dneirf a");
    expect(await accessibilityProblems(record.page())).toEqual([]);
  });
});
