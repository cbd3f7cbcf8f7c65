/**
 * In Chromium, on a deployment with Turnstile on (Cloudflare's published test keys) and a
 * SOURCE_KEY: the victim's page and the console ask for the check only once someone presses
 * the button; a failed check is explained calmly; and an officer who ends a chat as abusive
 * blocks its source, whose next "Start chat" is refused with a calm sentence until an admin
 * lifts the block.
 *
 * Turnstile is remote and this machine is offline, so the test stands in for both of its
 * parts: the widget's script (served by Playwright in place of challenges.cloudflare.com,
 * behaving as Turnstile's documented client API does for the test site keys) and Siteverify
 * (tests/support/fake-siteverify.ts, which the Worker reaches only with a test secret).
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewOfficer } from "../../scripts/create-officer.ts";
import { DUMMY_TOKEN, PASSING_SECRET, startFakeSiteverify, type FakeSiteverify } from "../support/fake-siteverify.ts";
import { browserForFile } from "./browser.ts";
import { startLocalServer, type LocalServer } from "./local-server.ts";
import { acceptChatOf, consoleUrl, signInOfficer } from "./pages.ts";

const ABUSE_OFFICER = {
  email: "pc.uma@police.test",
  displayName: "PC Uma",
  role: "officer",
  password: "e2e officer password",
} as const satisfies NewOfficer;

const ABUSE_ADMIN = {
  email: "admin.zed@police.test",
  displayName: "Admin Zed",
  role: "admin",
  password: "e2e admin password",
} as const satisfies NewOfficer;

/** Cloudflare's test site key that always passes. */
const PASSING_SITE_KEY = "1x00000000000000000000AA";
const WIDGET_SCRIPT = "https://challenges.cloudflare.com/turnstile/v0/api.js**";

/**
 * Turnstile's client API (`turnstile.render(container, { sitekey, action, callback, ... })`,
 * `turnstile.remove(id)`) as the widget behaves for a test site key: it shows itself, then
 * gives the dummy token, or, when `passes` is false, calls the error callback as a failed
 * challenge does.
 */
function widgetDouble(passes: boolean): string {
  return `
    window.turnstile = {
      render(container, options) {
        const box = document.createElement("div");
        box.className = "turnstile-double";
        box.dataset.action = options.action;
        box.textContent = "Verifying…";
        container.append(box);
        setTimeout(() => ${passes} ? options.callback(${JSON.stringify(DUMMY_TOKEN)}) : options["error-callback"](), 100);
        return "widget-" + Math.random().toString(16).slice(2);
      },
      remove() { document.querySelectorAll(".turnstile-double").forEach((e) => e.remove()); },
    };`;
}

let server: LocalServer;
let siteverify: FakeSiteverify;
// Everyone in this file shares the machine's own address, as the block and Siteverify see it.
const browser = browserForFile("127.0.0.1");

beforeAll(async () => {
  siteverify = await startFakeSiteverify();
  server = await startLocalServer([ABUSE_OFFICER, ABUSE_ADMIN], {
    TRANSLATION_PROVIDER: "off",
    TURNSTILE_SITE_KEY: PASSING_SITE_KEY,
    TURNSTILE_SECRET_KEY: PASSING_SECRET,
    TURNSTILE_TEST_SITEVERIFY_URL: siteverify.url,
    SOURCE_KEY: "e2e-only-source-key-of-more-than-32-characters",
  });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await siteverify?.close();
});

/** A fresh context whose requests to anywhere but this service are recorded (and answered by the double). */
async function context(widgetPasses = true): Promise<{ context: BrowserContext; page: Page; thirdParty: string[] }> {
  const context = await browser().newContext();
  const thirdParty: string[] = [];
  context.on("request", (request) => {
    if (![server.url, server.staffUrl].some((ours) => request.url().startsWith(ours))) thirdParty.push(request.url());
  });
  await context.route(WIDGET_SCRIPT, (route) => route.fulfill({ contentType: "text/javascript", body: widgetDouble(widgetPasses) }));
  return { context, page: await context.newPage(), thirdParty };
}

describe("Turnstile, switched on for this deployment", () => {
  it("asks nothing of Cloudflare until the victim presses Start chat, then starts the chat with the token", async () => {
    const { page, thirdParty, context: ctx } = await context();
    await page.goto(server.url);
    await page.getByRole("button", { name: "Start chat" }).waitFor();
    expect(thirdParty).toEqual([]);

    const before = siteverify.requests.length;
    await page.getByRole("button", { name: "Start chat" }).click();
    await page.getByText(/in the queue\./).waitFor();
    expect(thirdParty).toEqual([expect.stringMatching(/^https:\/\/challenges\.cloudflare\.com\/turnstile\/v0\/api\.js\?render=explicit/)]);
    const checked = siteverify.requests.slice(before);
    expect(checked).toHaveLength(1);
    expect(checked[0]).toMatchObject({ secret: PASSING_SECRET, response: DUMMY_TOKEN, remoteip: "127.0.0.1" });
    await ctx.close();
  });

  it("tells the victim calmly when the check fails, with the emergency number, and starts nothing", async () => {
    const { page, context: ctx } = await context(false);
    await page.goto(server.url);
    await page.getByRole("button", { name: "Start chat" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toBe("We could not check that you are a person. Please try again. In an emergency, call 999.");
    expect(await page.getByText(/in the queue\./).count()).toBe(0);
    await ctx.close();
  });

  it("checks an officer signing in to the console", async () => {
    const { page, context: ctx } = await context();
    const before = siteverify.requests.length;
    await signInOfficer(page, server.url, ABUSE_OFFICER);
    expect(siteverify.requests.slice(before)).toEqual([expect.objectContaining({ response: DUMMY_TOKEN })]);
    await ctx.close();
  });
});

describe("an admin ending an officer's sessions", () => {
  it("signs the officer out on every device from the live picture, after a confirmation", async () => {
    const officerSide = await context();
    await signInOfficer(officerSide.page, server.url, ABUSE_OFFICER);
    const adminSide = await context();
    const admin = adminSide.page;
    await signInOfficer(admin, server.url, ABUSE_ADMIN);
    await admin.goto(consoleUrl(server.url, "/console/supervision"));

    const end = admin.getByRole("button", { name: `End ${ABUSE_OFFICER.displayName}'s sessions` });
    admin.once("dialog", (dialog) => void dialog.dismiss());
    await end.click();
    expect(await officerSide.page.evaluate(async () => (await fetch("/api/session")).status)).toBe(200);

    admin.once("dialog", (dialog) => void dialog.accept());
    await end.click();
    await admin.getByText(`${ABUSE_OFFICER.displayName} is signed out everywhere.`).waitFor();
    expect(await officerSide.page.evaluate(async () => (await fetch("/api/session")).status)).toBe(401);
    // Not offered against oneself.
    expect(await admin.getByRole("button", { name: `End ${ABUSE_ADMIN.displayName}'s sessions` }).count()).toBe(0);
    for (const side of [officerSide, adminSide]) await side.context.close();
  });
});

describe("ending a chat as abusive", () => {
  it("ends it for both, notes it in the record, and refuses the next chat from that connection calmly", async () => {
    const officerSide = await context();
    const officer = officerSide.page;
    await signInOfficer(officer, server.url, ABUSE_OFFICER);
    const victimSide = await context();
    const victim = victimSide.page;
    await victim.goto(server.url);
    await victim.getByRole("button", { name: "Start chat" }).click();
    await victim.getByText(/in the queue\./).waitFor();
    await acceptChatOf(officer, victim);

    const panel = officer.getByRole("tabpanel");
    await panel.getByText("End as abusive and block…").click();
    await panel.getByLabel("Block for").selectOption({ label: "7 days" });
    await panel.getByRole("button", { name: "End chat and block" }).click();
    await panel.getByText("You ended this chat as abusive.").waitFor();
    await panel.getByText(/Ended as abusive\. Its source is blocked from starting chats for 7 days/).waitFor();
    await victim.getByText("This chat has ended", { exact: false }).first().waitFor();

    // Everyone on this machine shares its address (127.0.0.1): the next chat from here is refused.
    const again = await context();
    await again.page.goto(server.url);
    await again.page.getByRole("button", { name: "Start chat" }).click();
    const alert = again.page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      "A chat cannot be started from this connection at the moment. In an emergency, call 999.",
    );

    // An admin lifts it from the live picture, with a reason; the connection can start chats again.
    const adminSide = await context();
    const admin = adminSide.page;
    await signInOfficer(admin, server.url, ABUSE_ADMIN);
    await admin.goto(consoleUrl(server.url, "/console/supervision"));
    const blocks = admin.getByRole("table", { name: /Blocked connections/ });
    await blocks.getByRole("cell", { name: "1", exact: true }).waitFor();
    await blocks.getByLabel("Reason").fill("A refuge's shared connection");
    await blocks.getByRole("button", { name: "Lift block 1" }).click();
    await admin.getByText("Block lifted. That connection can start chats again.").waitFor();
    await blocks.getByText("No connections are blocked.").waitFor();
    await again.page.reload();
    await again.page.getByRole("button", { name: "Start chat" }).click();
    await again.page.getByText(/in the queue\./).waitFor();
    for (const side of [officerSide, victimSide, again, adminSide]) await side.context.close();
  }, 60_000);
});
