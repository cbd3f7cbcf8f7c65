import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { root } from "../../scripts/wrangler.ts";
import { accessibilityProblems } from "./accessibility.ts";
import { browserForFile } from "./browser.ts";
import { RECORDS_OFFICER, RECORDS_SUPERVISOR } from "./officers.ts";
import { consoleUrl, signInOfficer, startAcceptedChat, write } from "./pages.ts";

const baseUrl = inject("baseUrl");
const browser = browserForFile();
const verifyScript = join(root, "scripts/verify.ts");

const CRIME_REFERENCE = "REC/2026/004242";
const REASON = "Preparing the case file for REC/2026/004242";
const VICTIM_WORDS = "He took my phone and locked the door";
const OFFICER_WORDS = "Thank you for telling me. Are you safe to talk now?";
/** A time as Records writes it: in the service's zone with its offset, e.g. "2 Dec 2026 05:14 GMT+0". */
const SERVICE_TIME = /\d{1,2} \w{3} \d{4} \d{2}:\d{2} GMT[+-]\d{1,2}(:\d{2})?/;

let downloads: string;
/** The officer's Records tab, opened from the console's "Records" link. */
let records: Page;

beforeAll(() => {
  downloads = mkdtempSync(join(tmpdir(), "quietline-records-"));
});
afterAll(() => {
  rmSync(downloads, { recursive: true, force: true });
});

/** `node scripts/verify.ts <file>` as a person would run it, on the Node that runs npm scripts. */
function verify(path: string) {
  const run = spawnSync(process.execPath, [verifyScript, path], { encoding: "utf8" });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

async function download(page: Page, button: string, saveAs: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button }).click()]);
  const path = join(downloads, saveAs);
  await file.saveAs(path);
  return path;
}

describe("the console's Records page", () => {
  it("finds an officer's sealed chat by its crime reference, and opens it with a reason to show an intact seal and both messages", async () => {
    const officer = await (await browser().newContext()).newPage();
    await signInOfficer(officer, baseUrl, RECORDS_OFFICER);
    const victim = await (await browser().newContext()).newPage();
    await startAcceptedChat(victim, officer, baseUrl);
    await write(victim, VICTIM_WORDS);
    const panel = officer.getByRole("tabpanel");
    await panel.getByText(VICTIM_WORDS).first().waitFor();
    await write(officer, OFFICER_WORDS);
    await victim.getByText(OFFICER_WORDS).first().waitFor();
    await panel.getByLabel("Outcome", { exact: true }).selectOption("crime-recorded");
    await panel.getByLabel("Crime reference").fill(CRIME_REFERENCE);
    await panel.getByRole("button", { name: "Record outcome" }).click();
    await panel.getByText(`Recorded: Crime recorded · ${CRIME_REFERENCE}`).waitFor();
    await panel.getByRole("button", { name: "End chat" }).click();
    await panel.getByRole("button", { name: "Yes, end chat" }).click();
    await victim.getByText("The officer has ended this chat.").waitFor();

    // Records opens in a tab of its own, so the console (and any live chats) stay open.
    const [tab] = await Promise.all([
      officer.context().waitForEvent("page"),
      officer.getByRole("link", { name: "Records", exact: true }).click(),
    ]);
    records = tab;
    await records.waitForURL(consoleUrl(baseUrl, "/console/records"));
    await records.getByRole("heading", { name: "Find records" }).waitFor();
    expect(await records.getByLabel("Officer", { exact: true }).count()).toBe(0);

    await records.getByLabel("Crime reference", { exact: true }).fill(CRIME_REFERENCE.toLowerCase());
    await records.getByLabel("Reason for this search").fill(REASON);
    await records.getByRole("button", { name: "Search" }).click();
    // The results of the search, not the same chat in "My chats from the last 24 hours" above them.
    const row = records.getByRole("region", { name: "Find records" }).getByRole("row").filter({ hasText: CRIME_REFERENCE });
    await row.waitFor();
    expect(await row.getByRole("cell").allTextContents()).toEqual(
      expect.arrayContaining(["Officer ended the chat", "English", "You", "Crime recorded", CRIME_REFERENCE, "None"]),
    );

    await row.getByRole("button", { name: new RegExp(`^Open record started ${SERVICE_TIME.source}$`) }).click();
    const record = records.getByRole("region", { name: /^Record started / });
    await record.getByText("Seal intact: not changed since it was sealed").waitFor();
    const messages = record.getByRole("list", { name: "Messages" });
    await messages.getByText(VICTIM_WORDS).waitFor();
    await messages.getByText(OFFICER_WORDS).waitFor();
    await record.getByText(`Crime recorded · ${CRIME_REFERENCE}`).waitFor();
    // The reason given for the search carried over to opening the record.
    expect(await record.getByLabel("Reason for using this record").inputValue()).toBe(REASON);
  });

  it("lists the officer's own chat of the last 24 hours without asking a reason, in words, and opening it still asks for one", async () => {
    const page = await records.context().newPage();
    await page.goto(consoleUrl(baseUrl, "/console/records"));
    const recent = page.getByRole("region", { name: "My chats from the last 24 hours" });
    const row = recent.getByRole("row").filter({ hasText: CRIME_REFERENCE });
    await row.waitFor();
    const cells = await row.getByRole("cell").allTextContents();
    expect(cells).toEqual(
      expect.arrayContaining(["Officer ended the chat", "English", "You", `Crime recorded · ${CRIME_REFERENCE}`, "Not assessed"]),
    );
    expect(cells[0]).toMatch(new RegExp(`^${SERVICE_TIME.source}$`));
    expect(cells.join(" ")).not.toMatch(/officer-ended|crime-recorded|\ben\b/);
    expect(await accessibilityProblems(page, { seriousOnly: true })).toEqual([]);

    // Opening it is a view of the record: the reason is asked for, and nothing is shown before it is given.
    await row.getByRole("button", { name: new RegExp(`^Open my chat started ${SERVICE_TIME.source}$`) }).click();
    const record = page.getByRole("region", { name: /^Record started / });
    await record.getByLabel("Reason for opening this record").fill("Checking what I recorded on this shift");
    expect(await record.getByRole("list", { name: "Messages" }).count()).toBe(0);
    await record.getByRole("button", { name: "Open record" }).click();
    await record.getByRole("list", { name: "Messages" }).getByText(VICTIM_WORDS).waitFor();
    await record.getByText(/^Times are in Europe\/London, each with its offset from UTC/).waitFor();
    // Every DASH question, none of them asked in this chat.
    await record.getByRole("term").filter({ hasText: "Are you very frightened?" }).waitFor();
    expect(await record.getByRole("definition").filter({ hasText: /^\s*Not asked\s*$/ }).count()).toBe(27);
    await record.getByText(/The chat ended: Officer ended the chat \(by You\)\./).waitFor();
    expect(await accessibilityProblems(page, { seriousOnly: true })).toEqual([]);
    await page.close();
  });

  it("downloads the JSON and PDF exactly as sealed; the JSON verifies offline and a tampered copy fails at its entry", async () => {
    const json = await download(records, "Download JSON", "transcript.json");
    const status = records.getByRole("status").filter({ hasText: "SHA-256 of the file you downloaded:" });
    const sha256 = createHash("sha256").update(readFileSync(json)).digest("hex");
    await status.getByText(sha256).waitFor();
    await status.getByText("It is the SHA-256 recorded when the record was sealed.").waitFor();

    const pdf = await download(records, "Download PDF", "transcript.pdf");
    expect(readFileSync(pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const intact = verify(json);
    expect(intact.status, intact.output).toBe(0);
    expect(intact.output).toContain("OK");

    const transcript = JSON.parse(readFileSync(json, "utf8")) as { entries: { n: number; kind: string; data: { text?: string } }[] };
    const first = transcript.entries.find((entry) => entry.kind === "message")!;
    expect(first.data.text).toBe(VICTIM_WORDS);
    first.data.text = "He did nothing";
    const tamperedPath = join(downloads, "tampered.json");
    writeFileSync(tamperedPath, JSON.stringify(transcript, null, 2));
    const tampered = verify(tamperedPath);
    expect(tampered.status, tampered.output).toBe(1);
    expect(tampered.output).toContain(`entry ${first.n}`);

    // The same tampered file, checked on the page, fails the same way.
    const check = records.getByRole("region", { name: "Check a transcript file" });
    await check.getByLabel("Transcript file (JSON)").setInputFiles(tamperedPath);
    await check.getByRole("button", { name: "Check file" }).click();
    await check.getByText("Seal broken: this does not match its seal").waitFor();
    await check.getByText(`The first entry that fails is entry ${first.n}.`).waitFor();
  });

  it("adds a note after the seal, as an addendum the record then lists", async () => {
    const record = records.getByRole("region", { name: /^Record started / });
    await record.getByLabel("Note", { exact: true }).fill("Victim called back on 101; safe at her sister's");
    await record.getByRole("button", { name: "Add note" }).click();
    await record.getByRole("status").filter({ hasText: "Note added to the record." }).waitFor();
    await record.getByRole("listitem").filter({ hasText: "Note: Victim called back on 101; safe at her sister's" }).waitFor();
    expect(await records.getByRole("button", { name: "Place legal hold" }).count()).toBe(0);
  });

  it("has no accessibility problems with a record open, and fits a 320-pixel screen", async () => {
    expect(await accessibilityProblems(records)).toEqual([]);
    await records.setViewportSize({ width: 320, height: 640 });
    expect(await records.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    // Officers do not read the audit log.
    expect(await records.getByRole("heading", { name: "Audit log" }).count()).toBe(0);
  });

  it("shows a supervisor the audit log with the officer's search, view and exports and the reason given", async () => {
    const supervisor = await (await browser().newContext()).newPage();
    await signInOfficer(supervisor, baseUrl, RECORDS_SUPERVISOR);
    await supervisor.goto(consoleUrl(baseUrl, "/console/records"));
    const audit = supervisor.getByRole("region", { name: "Audit log" });
    // The officer is picked by name, not typed as an id; only their entries are listed.
    const officerOption = `${RECORDS_OFFICER.displayName} (officer)`;
    await expect.poll(() => audit.getByLabel("Officer", { exact: true }).locator("option").allTextContents()).toContain(officerOption);
    await audit.getByLabel("Officer", { exact: true }).selectOption({ label: officerOption });
    await audit.getByRole("button", { name: "Show audit entries" }).click();
    const officerRows = audit.getByRole("row").filter({ hasText: "(officer)" }).filter({ hasText: REASON });
    await officerRows.first().waitFor();
    expect(await audit.getByRole("row").filter({ hasText: "(supervisor)" }).count()).toBe(0);
    const actions = (await officerRows.allTextContents()).join("\n");
    for (const action of ["Searched", "Opened a record", "Downloaded JSON", "Downloaded PDF"]) expect(actions).toContain(action);

    // A supervisor may hold the record against retention; the hold shows on the record and its row.
    const search = supervisor.getByRole("region", { name: "Find records" });
    await search.getByLabel("Crime reference", { exact: true }).fill(CRIME_REFERENCE);
    await search.getByLabel("Reason for this search").fill("Disclosure request from the CPS");
    await search.getByRole("button", { name: "Search" }).click();
    await search.getByRole("button", { name: /^Open record started / }).click();
    const record = supervisor.getByRole("region", { name: /^Record started / });
    await record.getByText("Seal intact: not changed since it was sealed").waitFor();
    // Another officer's record names them, not by an id.
    await search.getByRole("row").filter({ hasText: CRIME_REFERENCE }).getByRole("cell", { name: RECORDS_OFFICER.displayName, exact: true }).waitFor();
    await record.getByRole("list", { name: "Messages" }).getByText(RECORDS_OFFICER.displayName, { exact: true }).waitFor();
    await record.getByText(`${RECORDS_OFFICER.displayName} joined.`).waitFor();
    // The supervisor's own 24-hour list holds none of the officer's chats.
    expect(await supervisor.getByRole("region", { name: "My chats from the last 24 hours" }).getByRole("row").filter({ hasText: CRIME_REFERENCE }).count()).toBe(0);
    await record.getByRole("button", { name: "Place legal hold" }).click();
    await record.getByRole("status").filter({ hasText: "Legal hold placed." }).waitFor();
    await record.getByRole("button", { name: "Lift legal hold" }).waitFor();
    await search.getByRole("row").filter({ hasText: CRIME_REFERENCE }).getByRole("cell", { name: "On legal hold" }).waitFor();
  });

  it("asks someone not signed in to sign in on the console", async () => {
    const page = await (await browser().newContext()).newPage();
    await page.goto(consoleUrl(baseUrl, "/console/records"));
    await page.getByText("You are not signed in.").waitFor();
    expect(await page.getByRole("link", { name: "Sign in on the console" }).getAttribute("href")).toBe("/console");
  });
});
