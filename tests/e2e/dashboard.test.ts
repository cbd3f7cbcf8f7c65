import { readFileSync } from "node:fs";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { accessibilityProblems } from "./accessibility.ts";
import { browserForFile } from "./browser.ts";
import { DASHBOARD_OFFICER, DASHBOARD_SUPERVISOR } from "./officers.ts";
import { consoleUrl, messageLog, signInOfficer, startAcceptedChat, write } from "./pages.ts";

const baseUrl = inject("baseUrl");
const browser = browserForFile();

const CHARTS = [
  "Chats started by day",
  "Chats started and officers on duty by hour of day",
  "Chats started by day of the week",
  "Chats by language",
  "Outcomes",
  "Risk gradings",
];

/** For each chart on the page: its size, whether Chart.js owns it, and whether anything is painted on it. */
function canvases(page: Page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll("figure canvas"), (element) => {
      const canvas = element as HTMLCanvasElement;
      const pixels = canvas.getContext("2d")?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray();
      let painted = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) painted += 1;
      return {
        chart: canvas.dataset.chart,
        width: canvas.width,
        height: canvas.height,
        chartJs: "$chartjs" in canvas,
        hidden: canvas.getAttribute("aria-hidden"),
        painted,
      };
    }),
  );
}

/** The number a headline card shows for a figure, e.g. "Chats started". */
async function headline(page: Page, label: string): Promise<number> {
  const term = page.locator(".cards dt").filter({ hasText: new RegExp(`^${label}$`) });
  const text = await term.locator("xpath=following-sibling::dd[1]").locator(".value").textContent();
  return Number((text ?? "").replaceAll(",", ""));
}

describe("the service dashboard", () => {
  let supervisorContext: BrowserContext;
  let supervisor: Page;
  let dashboard: Page;
  let officer: Page;

  it("opens from a supervisor's console in a new tab and counts a real chat", async () => {
    // One whole chat: the victim starts, the officer accepts, they write, the officer ends it.
    officer = await (await browser().newContext()).newPage();
    await signInOfficer(officer, baseUrl, DASHBOARD_OFFICER);
    const victim = await (await browser().newContext()).newPage();
    await startAcceptedChat(victim, officer, baseUrl);
    await write(victim, "I need to talk to someone");
    await messageLog(officer).getByText("I need to talk to someone").waitFor();
    await write(officer, "I am here. Are you safe to talk?");
    await messageLog(victim).getByText("I am here. Are you safe to talk?").waitFor();
    await officer.getByRole("button", { name: "End chat" }).click();
    await officer.getByRole("button", { name: "Yes, end chat" }).click();
    await victim.getByText("The officer has ended this chat.").waitFor();

    supervisorContext = await browser().newContext();
    supervisor = await supervisorContext.newPage();
    await signInOfficer(supervisor, baseUrl, DASHBOARD_SUPERVISOR);
    const link = supervisor.getByRole("link", { name: "Service dashboard" });
    expect(await link.getAttribute("target")).toBe("_blank");
    expect(await link.getAttribute("rel")).toContain("noopener");
    [dashboard] = await Promise.all([supervisorContext.waitForEvent("page"), link.click()]);
    await dashboard.waitForURL(consoleUrl(baseUrl, "/console/dashboard"));

    await dashboard.getByRole("heading", { name: "Headline figures" }).waitFor();
    expect(await headline(dashboard, "Chats started")).toBeGreaterThanOrEqual(1);
    expect(await headline(dashboard, "Answered")).toBeGreaterThanOrEqual(1);
    await dashboard.getByRole("status").filter({ hasText: /^Showing \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2} \(28 days\)\.$/ }).waitFor();
  });

  it("draws every chart, each with a table of the same figures beneath it", async () => {
    await expect.poll(async () => (await canvases(dashboard)).filter((c) => c.painted > 0).length, { timeout: 10_000 }).toBe(CHARTS.length);
    for (const canvas of await canvases(dashboard)) {
      expect(canvas.width, canvas.chart).toBeGreaterThan(0);
      expect(canvas.height, canvas.chart).toBeGreaterThan(0);
      expect(canvas.chartJs, canvas.chart).toBe(true);
      expect(canvas.hidden, canvas.chart).toBe("true");
    }
    for (const title of CHARTS) {
      const figure = dashboard.locator("figure").filter({ has: dashboard.locator("figcaption .title", { hasText: new RegExp(`^${title}$`) }) });
      const table = figure.getByRole("table", { name: title, exact: true });
      expect(await table.count(), title).toBe(1);
      expect(await table.locator("tbody tr").count(), title).toBeGreaterThan(0);
      expect(await table.locator("thead th[scope=col]").count(), title).toBeGreaterThan(1);
    }
    // Twenty-four hours of the day, the week from Monday, and today's chat under its day.
    const hours = dashboard.getByRole("table", { name: "Chats started and officers on duty by hour of day", exact: true });
    expect(await hours.locator("tbody tr").count()).toBe(24);
    const week = dashboard.getByRole("table", { name: "Chats started by day of the week", exact: true });
    expect(await week.locator("tbody th").allTextContents()).toEqual(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]);
    const days = dashboard.getByRole("table", { name: "Chats started by day", exact: true });
    const counts = (await days.locator("tbody td").allTextContents()).map(Number);
    expect(counts).toHaveLength(28);
    expect(counts.reduce((sum, n) => sum + n, 0)).toBe(await headline(dashboard, "Chats started"));
  });

  it("shows the live picture, with the supervisor's own console on duty", async () => {
    const live = dashboard.getByRole("region", { name: "Live now" });
    await live.getByText(/^Updated \d\d:\d\d:\d\d\./).waitFor();
    const onDuty = live.locator("dt").filter({ hasText: /^Officers on duty$/ }).locator("xpath=following-sibling::dd[1]");
    expect(Number(await onDuty.textContent())).toBeGreaterThanOrEqual(1);
  });

  it("stops asking for live figures while hidden, and after 15 minutes unused so the session can time out", async () => {
    // A context of its own: the fake clock must not touch the other pages.
    const context = await browser().newContext();
    await context.clock.install();
    const page = await context.newPage();
    await signInOfficer(page, baseUrl, DASHBOARD_SUPERVISOR);
    const asked: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname === "/api/analytics/live") asked.push(request.url());
    });
    await page.goto(consoleUrl(baseUrl, "/console/dashboard"));
    const live = page.getByRole("region", { name: "Live now" });
    await live.getByText(/^Updated /).waitFor();

    await page.clock.fastForward(15_000);
    await expect.poll(() => asked.length).toBe(2);

    // Hidden (another tab in front): nothing is asked until it is in view again.
    await page.evaluate(() => {
      Object.defineProperty(document, "hidden", { configurable: true, get: () => true });
      document.dispatchEvent(new Event("visibilitychange"));
    });
    await page.clock.fastForward(60_000);
    await page.clock.fastForward(60_000);
    expect(asked).toHaveLength(2);
    await page.evaluate(() => {
      Object.defineProperty(document, "hidden", { configurable: true, get: () => false });
      document.dispatchEvent(new Event("visibilitychange"));
    });
    await expect.poll(() => asked.length).toBe(3);

    // Left unused: it pauses, says so, and asks nothing more until told to resume.
    await page.clock.fastForward("16:00");
    await live.getByText(/^Live figures paused/).waitFor();
    const before = asked.length;
    await page.clock.fastForward("05:00");
    expect(asked).toHaveLength(before);
    await live.getByRole("button", { name: "Resume live figures" }).click();
    await expect.poll(() => asked.length).toBe(before + 1);
    expect(await live.getByText(/^Live figures paused/).count()).toBe(0);
    await context.close();
  });

  it("downloads every figure as one CSV file", async () => {
    const [download] = await Promise.all([dashboard.waitForEvent("download"), dashboard.getByRole("button", { name: "Download CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^quietline-dashboard-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync(await download.path(), "utf8");
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("section,label,value");
    expect(text).toContain("Headline figures,Chats started,");
    expect(text).toContain("Live now,Officers on duty,");
    for (const title of CHARTS) expect(text).toContain(`\r\n${title}`);
  });

  it("changes the period from the keyboard and says what the service objects to", async () => {
    await dashboard.getByRole("button", { name: "Last 7 days" }).focus();
    await dashboard.keyboard.press("Enter");
    await dashboard.getByRole("status").filter({ hasText: /\(7 days\)\.$/ }).waitFor();
    expect(await dashboard.getByRole("table", { name: "Chats started by day", exact: true }).locator("tbody tr").count()).toBe(7);

    const to = await dashboard.getByLabel("To").inputValue();
    await dashboard.getByLabel("From").fill(to);
    await dashboard.getByLabel("To").fill("2020-01-01");
    await dashboard.getByRole("button", { name: "Show", exact: true }).click();
    await dashboard.getByRole("alert").filter({ hasText: "The period must end on or after the day it starts." }).waitFor();

    await dashboard.getByRole("button", { name: "Last 28 days" }).click();
    await dashboard.getByRole("status").filter({ hasText: /\(28 days\)\.$/ }).waitFor();
    expect(await dashboard.getByRole("alert").count()).toBe(0);
  });

  it("has no accessibility problems, and fits a 320-pixel screen", async () => {
    await expect.poll(async () => (await canvases(dashboard)).filter((c) => c.painted > 0).length).toBe(CHARTS.length);
    expect(await accessibilityProblems(dashboard)).toEqual([]);
    await dashboard.setViewportSize({ width: 320, height: 640 });
    expect(await dashboard.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    // Chart.js follows its box's size on the next frame: every chart comes to fit the screen.
    const widest = () => dashboard.evaluate(() => Math.max(...Array.from(document.querySelectorAll("figure canvas"), (c) => c.getBoundingClientRect().right)));
    await expect.poll(widest).toBeLessThanOrEqual(320);
    expect(await accessibilityProblems(dashboard)).toEqual([]);
  });

  it("is refused to an officer, who never asks for the figures and has no link to it", async () => {
    const asked: string[] = [];
    officer.on("request", (request) => {
      if (new URL(request.url()).pathname.startsWith("/api/analytics")) asked.push(request.url());
    });
    await officer.goto(consoleUrl(baseUrl, "/console/dashboard"));
    await officer.getByText("The service dashboard is for supervisors and admins.").waitFor();
    expect(await officer.locator("canvas").count()).toBe(0);
    expect(await officer.getByRole("table").count()).toBe(0);
    expect(await officer.getByRole("button", { name: "Download CSV" }).count()).toBe(0);
    expect(asked).toEqual([]);

    await officer.goto(consoleUrl(baseUrl, "/console"));
    await officer.getByText(`Signed in as ${DASHBOARD_OFFICER.displayName}`).waitFor();
    await officer.getByRole("button", { name: "Sign out", exact: true }).waitFor();
    expect(await officer.getByRole("link", { name: "Service dashboard" }).count()).toBe(0);
    expect(await supervisor.getByRole("link", { name: "Service dashboard" }).count()).toBe(1);
  });

  it("sends someone not signed in to the console to sign in", async () => {
    const stranger = await (await browser().newContext()).newPage();
    await stranger.goto(consoleUrl(baseUrl, "/console/dashboard"));
    await stranger.getByText("You are not signed in.").waitFor();
    expect(await stranger.getByRole("link", { name: "Sign in on the console" }).getAttribute("href")).toBe("/console");
    expect(await stranger.locator("canvas").count()).toBe(0);
  });
});
