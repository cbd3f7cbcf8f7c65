/**
 * What a person waits for, in Chromium (Debian's, through playwright-core, as the e2e tests
 * drive it) against a fresh `wrangler dev --local`:
 *
 * - **Start chat → open**: from the victim's click on "Start chat" to the page saying their
 *   place in the queue (the chat is created, a ticket fetched, the socket open and welcomed);
 * - **Accept → officer seen**: from the officer's click on "Accept chat" in the console to the
 *   victim's page saying "An officer is with you.".
 *
 * The times are taken inside the pages, not by the test driver: a capturing click listener
 * and a MutationObserver note `performance.timeOrigin + performance.now()` (the wall clock, to
 * a fraction of a millisecond, comparable between the two pages' processes). Each run is a new
 * victim (a fresh browser context) who ends the chat afterwards; one untimed run first.
 *
 *   npm run bench -- --only browser [--short]     --short: two runs, no warm-up
 */
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Page } from "playwright-core";
import { startLocalServer } from "../../tests/e2e/local-server.ts";
import { OFFICER } from "../../tests/e2e/officers.ts";
import { acceptChatOf, signInOfficer } from "../../tests/e2e/pages.ts";
import { root } from "../wrangler.ts";
import { formatSpread, machine, machineLine, markdownTable, spread, writeBenchmarksSection, writeResults } from "./measure.ts";
import { SERVER_VARS } from "./targets.ts";

const FULL = { warmUp: 1, runs: 7 };
const SHORT = { warmUp: 0, runs: 2 };

interface Marks {
  start?: number;
  open?: number;
  accept?: number;
  officer?: number;
}

/** Notes, inside the page, when a button is clicked and when a text first appears. */
function watch(page: Page, buttons: Record<string, string>, texts: Record<string, string>): Promise<void> {
  return page.evaluate(
    ([buttons, texts]) => {
      const now = () => performance.timeOrigin + performance.now();
      const marks: Record<string, number> = {};
      (window as unknown as { benchMarks: Record<string, number> }).benchMarks = marks;
      document.addEventListener(
        "click",
        (event) => {
          const button = (event.target as Element).closest("button");
          const name = `${button?.getAttribute("aria-label") ?? ""} ${button?.textContent ?? ""}`;
          for (const [mark, label] of Object.entries(buttons)) if (!marks[mark] && name.includes(label)) marks[mark] = now();
        },
        true,
      );
      const check = () => {
        const text = document.body.textContent ?? "";
        for (const [mark, wanted] of Object.entries(texts)) if (!marks[mark] && text.includes(wanted)) marks[mark] = now();
      };
      new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
    },
    [buttons, texts] as const,
  );
}

const marksOf = (page: Page) => page.evaluate(() => (window as unknown as { benchMarks: Marks }).benchMarks);

/** The page's requests after `since` (wall clock), each as [path, start, end] in ms after it: where the wait goes. */
const requestsAfter = (page: Page, since: number) =>
  page.evaluate((since) => {
    const after = (t: number) => Math.round(performance.timeOrigin + t - since);
    return performance
      .getEntriesByType("resource")
      .filter((e) => performance.timeOrigin + e.startTime >= since - 1)
      .map((e) => [new URL(e.name).pathname, after(e.startTime), after((e as PerformanceResourceTiming).responseEnd)] as const);
  }, since);

export async function browserBenchmark(options: { short: boolean }): Promise<void> {
  if (!existsSync(join(root, "app/build/index.html"))) throw new Error("run `npm run build` first: wrangler dev serves app/build");
  const plan = options.short ? SHORT : FULL;
  const loadAverageBefore = Math.round(loadavg()[0]! * 10) / 10;
  const server = await startLocalServer([OFFICER], SERVER_VARS);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const runs: { startToOpenMs: number; acceptToOfficerMs: number; requests: (readonly [string, number, number])[] }[] = [];
  try {
    const officer = await (await browser.newContext()).newPage();
    await signInOfficer(officer, server.url, OFFICER);
    await officer.getByRole("heading", { name: /^Waiting/ }).waitFor();
    for (let i = 0; i < plan.warmUp + plan.runs; i++) {
      const context = await browser.newContext();
      const victim = await context.newPage();
      await victim.goto(server.url);
      await victim.getByRole("button", { name: "Start chat" }).waitFor();
      await watch(victim, { start: "Start chat" }, { open: "in the queue.", officer: "An officer is with you." });
      await watch(officer, { accept: "Accept chat" }, {});
      await victim.getByRole("button", { name: "Start chat" }).click();
      await victim.getByText(/in the queue\./).waitFor();
      await acceptChatOf(officer, victim);
      const [v, o] = [await marksOf(victim), await marksOf(officer)];
      if (!v.start || !v.open || !v.officer || !o.accept || v.officer < o.accept) throw new Error(`marks missing or out of order: ${JSON.stringify({ v, o })}`);
      const requests = await requestsAfter(victim, v.start);
      if (i >= plan.warmUp) runs.push({ startToOpenMs: v.open - v.start, acceptToOfficerMs: v.officer - o.accept, requests });
      await victim.getByRole("button", { name: "End chat" }).click();
      await victim.getByRole("button", { name: "Yes, end chat" }).click();
      await victim.getByText("You ended this chat.").waitFor();
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  const startToOpen = spread(runs.map((r) => r.startToOpenMs));
  const acceptToOfficer = spread(runs.map((r) => r.acceptToOfficerMs));
  const table = markdownTable(
    ["what the person waits for", "median ms (min–max)", "runs"],
    [
      ["victim: Start chat → their place in the queue shown", formatSpread(startToOpen), runs.length],
      ["officer's Accept → victim sees \"An officer is with you.\"", formatSpread(acceptToOfficer), runs.length],
    ],
  );
  const m = machine();
  const where = `Where the first timed run's Start chat went (the page's requests, ms after the click: start–end): ${
    runs[0]?.requests.map(([path, start, end]) => `\`${path.replace(/\/[\w-]{22,}/g, "/…")}\` ${start}–${end}`).join(", ") || "none"
  }; the conversation's socket opens after the last of them.`;
  console.log(`\nIn Chromium\n\n${table}\n\n${where}\n`);
  const path = writeResults("browser", { at: new Date().toISOString(), short: options.short, machine: { ...m, loadAverageBefore }, plan, runs, startToOpen, acceptToOfficer });
  console.log(`Written to ${path}`);
  if (!options.short) writeBenchmarksSection("browser", `Run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC. ${machineLine(m, loadAverageBefore)}\n\n${table}\n\n${where}`);
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { short: { type: "boolean", default: false } } });
  await browserBenchmark({ short: values.short });
}
