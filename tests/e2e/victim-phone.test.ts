/**
 * The victim's page on a phone, as an onlooker and a thumb find it: 360 × 740, and 360 × 400 as
 * it is with the keyboard up, with touch.
 */
import type { BrowserContextOptions, Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { accessibilityProblems } from "./accessibility.ts";
import { browserForFile } from "./browser.ts";
import { PHONE_OFFICER } from "./officers.ts";
import { acceptChatOf, acceptPolishChatOf, answerNeutralSite, messageLog, NEUTRAL_SITE, signInOfficer, startAcceptedChat, write } from "./pages.ts";

const baseUrl = inject("baseUrl");
const browser = browserForFile();
let officer: Page;

const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true } satisfies BrowserContextOptions;
const KEYBOARD_UP = { width: 360, height: 400 };

beforeAll(async () => {
  officer = await (await browser().newContext()).newPage();
  await signInOfficer(officer, baseUrl, PHONE_OFFICER);
});

async function phone(options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser().newContext({ ...PHONE, ...options });
  await answerNeutralSite(context);
  return context.newPage();
}

/** Whether all of the element is inside the window as it is now. */
async function inView(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const height = await locator.page().evaluate(() => innerHeight);
  return box !== null && box.y >= 0 && box.y + box.height <= height + 0.5;
}

/** Elements other than the page itself that scroll their own content. */
function innerScrollers(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.body.querySelectorAll("*"))
      .filter((element) => {
        const style = getComputedStyle(element);
        return /auto|scroll/.test(style.overflowY) && element.scrollHeight > element.clientHeight;
      })
      .map((element) => element.className || element.tagName),
  );
}

async function endFromOfficer() {
  await officer.getByRole("tabpanel").getByRole("button", { name: "End chat" }).click();
  await officer.getByRole("tabpanel").getByRole("button", { name: "Yes, end chat" }).click();
}

describe("the victim's page on a phone", () => {
  it("shows a neutral heading, and names the other side Support", async () => {
    const victim = await phone();
    await victim.goto(baseUrl);
    const heading = victim.getByRole("heading", { level: 1 });
    expect(await heading.textContent()).toBe("Chat with us");
    // Nothing in large type says what the page is for.
    const large = await victim.evaluate(() =>
      Array.from(document.querySelectorAll("body *"))
        .filter((element) => parseFloat(getComputedStyle(element).fontSize) >= 20 && element.textContent?.trim())
        .map((element) => element.textContent!.trim()),
    );
    expect(large.join(" ")).not.toMatch(/police|officer|abuse|violence|victim/i);

    await victim.getByRole("button", { name: "Start chat" }).click();
    await victim.getByText(/in the queue\./).waitFor();
    await acceptChatOf(officer, victim);
    await write(officer, "Hello, how can I help?");
    await officer.getByRole("tabpanel").getByText("Hello, how can I help?").waitFor();
    const last = messageLog(victim).getByRole("listitem").last();
    await last.getByText("Hello, how can I help?").waitFor();
    expect(await last.locator(".who").textContent()).toBe("Support");
    await victim.getByRole("button", { name: "Quick exit" }).tap();
    await victim.waitForURL(NEUTRAL_SITE);
    await officer.getByRole("tabpanel").getByText("The victim left using Quick exit.").waitFor();
    await victim.context().close();
  });

  it("keeps a slim bar with a large Quick exit at the bottom, and the message box in view while waiting", async () => {
    const victim = await phone();
    await victim.goto(baseUrl);
    await victim.getByRole("button", { name: "Start chat" }).tap();
    await victim.getByText(/in the queue\./).waitFor();

    const bar = victim.getByRole("banner");
    const barBox = (await bar.boundingBox())!;
    expect(barBox.height).toBeLessThanOrEqual(64);
    expect(barBox.y + barBox.height).toBeCloseTo(740, 0);
    // A phone has no Escape or Shift key to hint at.
    expect(await victim.getByText(/Escape key/).isVisible()).toBe(false);
    const exit = bar.getByRole("button", { name: "Quick exit" });
    expect((await exit.boundingBox())!.width).toBeGreaterThan(300);

    const box = victim.getByRole("textbox", { name: "Message" });
    expect(await inView(box)).toBe(true);
    expect(await inView(victim.getByRole("button", { name: "Exit", exact: true }))).toBe(true);
    await victim.setViewportSize(KEYBOARD_UP);
    await box.tap();
    expect(await inView(box)).toBe(true);
    expect((await bar.boundingBox())!.height).toBeLessThanOrEqual(64);
    expect(await accessibilityProblems(victim, { seriousOnly: true })).toEqual([]);
    await victim.context().close();
  });

  it("shows the newest message just above the message box, in one scrolling page, also with the keyboard up", async () => {
    const victim = await phone();
    await startAcceptedChat(victim, officer, baseUrl);
    for (let i = 1; i <= 12; i++) {
      await write(officer, `Question ${i} of twelve: are you somewhere safe to talk right now?`);
    }
    const box = victim.getByRole("textbox", { name: "Message" });
    const newest = messageLog(victim).getByText("Question 12 of twelve", { exact: false });
    await newest.waitFor();
    expect(await inView(newest)).toBe(true);
    expect(await inView(box)).toBe(true);
    expect(await innerScrollers(victim)).toEqual([]);

    await victim.setViewportSize(KEYBOARD_UP);
    await box.tap();
    await expect.poll(() => inView(newest)).toBe(true);
    expect(await inView(box)).toBe(true);
    const [newestBox, boxBox] = [(await newest.boundingBox())!, (await box.boundingBox())!];
    expect(newestBox.y + newestBox.height).toBeLessThanOrEqual(boxBox.y);

    // What the victim writes with the keyboard up stays in view too.
    await write(victim, "Yes, I am in the bathroom");
    const mine = messageLog(victim).getByText("Yes, I am in the bathroom");
    await officer.getByRole("tabpanel").getByText("Yes, I am in the bathroom").waitFor();
    await expect.poll(() => inView(mine)).toBe(true);
    expect(await inView(box)).toBe(true);
    expect(await accessibilityProblems(victim, { seriousOnly: true })).toEqual([]);

    // The second way out, beside the message box.
    await victim.getByRole("button", { name: "Exit", exact: true }).tap();
    await victim.waitForURL(NEUTRAL_SITE);
    await officer.getByRole("tabpanel").getByText("The victim left using Quick exit.").waitFor();
    await victim.context().close();
  });

  it("clears the conversation from the screen when the chat ends, and offers the code on a clean screen, shown again on request", async () => {
    const victim = await phone();
    await startAcceptedChat(victim, officer, baseUrl);
    await write(victim, "He said he would hurt me if I called");
    await officer.getByRole("tabpanel").getByText("He said he would hurt me if I called").waitFor();
    await write(officer, "Thank you for telling me.");
    await victim.getByText("Thank you for telling me.").waitFor();

    await victim.getByRole("button", { name: "End chat" }).tap();
    await victim.getByRole("button", { name: "Yes, end chat" }).tap();
    await victim.getByRole("heading", { name: "You ended this chat." }).waitFor();
    const page = await victim.locator("body").innerText();
    expect(page).not.toContain("He said he would hurt me");
    expect(page).not.toContain("Thank you for telling me");
    expect(await victim.getByRole("log").count()).toBe(0);
    expect(await accessibilityProblems(victim, { seriousOnly: true })).toEqual([]);

    await victim.getByLabel("Choose a PIN (4 to 8 digits)").fill("2468");
    await victim.getByRole("button", { name: "Get my code" }).tap();
    const code = (await victim.locator(".code").textContent())!.trim();
    expect(code.split(" ")).toHaveLength(4);
    await victim.getByRole("button", { name: "Hide my code" }).tap();
    expect(await victim.locator("body").innerText()).not.toContain(code);
    expect(await accessibilityProblems(victim, { seriousOnly: true })).toEqual([]);

    // Reading how to stay safe and coming back does not lose it.
    await victim.getByRole("link", { name: "Staying safe online" }).tap();
    await victim.getByRole("heading", { name: "Staying safe online" }).waitFor();
    await victim.getByRole("link", { name: "Back to the chat" }).tap();
    await victim.getByRole("button", { name: "Show my code" }).tap();
    expect((await victim.locator(".code").textContent())!.trim()).toBe(code);
    await victim.context().close();
  });

  it("opens Staying safe online from the chat with steps for Chrome, Samsung Internet and Safari, and comes back to the same chat and unsent words", async () => {
    const victim = await phone();
    await startAcceptedChat(victim, officer, baseUrl);
    await write(victim, "Can he see this on my phone?");
    await officer.getByRole("tabpanel").getByText("Can he see this on my phone?").waitFor();

    // Something typed and not yet sent is still there when the victim comes back.
    await victim.getByRole("textbox", { name: "Message" }).fill("I have not sent this yet");
    await victim.getByRole("link", { name: "Staying safe online" }).tap();
    for (const browserName of ["Chrome (Android)", "Samsung Internet (Android)", "Safari (iPhone)"]) {
      await victim.getByRole("heading", { name: browserName }).waitFor();
    }
    await victim.getByText("New Incognito tab", { exact: false }).waitFor();
    await victim.getByText("Turn on Secret mode", { exact: false }).waitFor();
    await victim.getByText("can itself make someone suspicious", { exact: false }).waitFor();
    expect(await accessibilityProblems(victim, { seriousOnly: true })).toEqual([]);

    await victim.getByRole("link", { name: "Back to the chat" }).tap();
    await messageLog(victim).getByText("Can he see this on my phone?").waitFor();
    expect(await victim.getByRole("textbox", { name: "Message" }).inputValue()).toBe("I have not sent this yet");
    await write(victim, "Thank you, I read it");
    await officer.getByRole("tabpanel").getByText("Thank you, I read it").waitFor();
    await endFromOfficer();
    await victim.getByText("The officer has ended this chat.").waitFor();
    await victim.context().close();
  });

  it("lays out right to left in Arabic, with Quick exit at the bottom and nothing off the side", async () => {
    const victim = await phone({ locale: "ar" });
    await victim.goto(baseUrl);
    await victim.waitForFunction(() => document.documentElement.dir === "rtl");
    await victim.locator("#language").waitFor();
    await victim.locator("form .primary").first().tap();
    const box = victim.locator("#message");
    await box.waitFor();
    expect(await inView(box)).toBe(true);
    const bar = (await victim.getByRole("banner").boundingBox())!;
    expect(bar.height).toBeLessThanOrEqual(64);
    expect(bar.y + bar.height).toBeCloseTo(740, 0);
    // Send and the second exit sit at the message box's end, which is the left in Arabic.
    const [boxBox, sendBox] = [(await box.boundingBox())!, (await victim.locator("form.compose button[type=submit]").boundingBox())!];
    expect(sendBox.x + sendBox.width).toBeLessThanOrEqual(boxBox.x + 1);
    expect(await victim.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
    expect(await accessibilityProblems(victim, { seriousOnly: true })).toEqual([]);
    await victim.getByRole("banner").getByRole("button").tap();
    await victim.waitForURL(NEUTRAL_SITE);
    await victim.context().close();
  });

  it("speaks Polish in the label of the other side's messages", async () => {
    const victim = await phone({ locale: "pl" });
    await victim.goto(baseUrl);
    await victim.waitForFunction(() => document.documentElement.lang === "pl");
    await victim.getByRole("button", { name: "Rozpocznij czat" }).tap();
    await victim.getByText(/w kolejce/i).waitFor();
    await acceptPolishChatOf(officer, victim);
    await write(officer, "Dzień dobry");
    const last = victim.getByRole("log").getByRole("listitem").last();
    // The original, and then its translation ("[en>pl] Dzień dobry" from the stand-in) beside it.
    await last.getByText("Dzień dobry").first().waitFor();
    expect(await last.locator(".who").textContent()).toBe("Wsparcie");
    await endFromOfficer();
    await victim.context().close();
  });
});

describe("the victim's page with a keyboard", () => {
  it("keeps the keyboard hint on a computer, puts Quick exit first, and lands on the end of the chat after End chat", async () => {
    const context = await browser().newContext({ viewport: { width: 1024, height: 700 } });
    await answerNeutralSite(context);
    const victim = await context.newPage();
    await victim.goto(baseUrl);
    await victim.getByRole("button", { name: "Start chat" }).waitFor();
    expect(await victim.getByText(/Escape key/).isVisible()).toBe(true);
    const bar = (await victim.getByRole("banner").boundingBox())!;
    expect(bar.y).toBe(0);
    await victim.keyboard.press("Tab");
    expect(await victim.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Quick exit");

    await victim.getByRole("button", { name: "Start chat" }).focus();
    await victim.keyboard.press("Enter");
    await victim.getByText(/in the queue\./).waitFor();
    await acceptChatOf(officer, victim);
    await victim.getByRole("textbox", { name: "Message" }).focus();
    await victim.keyboard.type("Typed with keys only");
    await victim.keyboard.press("Enter");
    await officer.getByRole("tabpanel").getByText("Typed with keys only").waitFor();
    // From the message box: Send, then the exit beside it.
    await victim.keyboard.press("Tab");
    await victim.keyboard.press("Tab");
    expect(await victim.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Exit");
    await victim.keyboard.press("Tab");
    await victim.keyboard.press("Enter");
    await victim.getByRole("button", { name: "Yes, end chat" }).focus();
    await victim.keyboard.press("Enter");
    await victim.getByRole("heading", { name: "You ended this chat." }).waitFor();
    expect(await victim.evaluate(() => document.activeElement?.tagName)).toBe("H1");
    await context.close();
  });
});
