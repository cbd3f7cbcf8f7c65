/** What a person does on the pages, in the words they would use. */
import type { BrowserContext, Locator, Page } from "playwright-core";
import type { NewOfficer } from "../../scripts/create-officer.ts";
import { staffUrlOf } from "./local-server.ts";
import { OFFICER } from "./officers.ts";

/**
 * A console page on the staff hostname of the server at `baseUrl` (the victims' hostname):
 * the console answers only there. `consoleUrl(baseUrl, "/console/records")`.
 */
export function consoleUrl(baseUrl: string, path = "/console"): string {
  return `${staffUrlOf(baseUrl)}${path}`;
}

/** Signs in on the console, on the staff hostname. */
export async function signInOfficer(page: Page, baseUrl: string, who: NewOfficer = OFFICER) {
  await page.goto(consoleUrl(baseUrl));
  await page.getByRole("textbox", { name: "Email" }).fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByText(`Signed in as ${who.displayName}`).waitFor();
}

export async function write(page: Page, text: string) {
  await page.getByRole("textbox", { name: "Message" }).fill(text);
  await page.getByRole("button", { name: "Send", exact: true }).click();
}

export function messageLog(page: Page): Locator {
  return page.getByRole("log", { name: "Messages" });
}

/** The message texts in a log, in the order shown. */
export function texts(log: Locator): Promise<string[]> {
  return log.locator(".text").allTextContents();
}

/** The victim's place in the queue, as their page tells them. */
export async function queuePosition(victim: Page): Promise<number> {
  const text = await victim.getByText(/in the queue\./).first().textContent();
  if (text?.includes("You are next")) return 1;
  const match = /number (\d+) in the queue/.exec(text ?? "");
  if (!match) throw new Error(`no queue position on the victim's page: ${text}`);
  return Number(match[1]);
}

/** The officer accepts this victim's chat: the one at the place the victim's page shows. */
export async function acceptChatOf(officer: Page, victim: Page): Promise<void> {
  const position = await queuePosition(victim);
  await officer.getByRole("button", { name: new RegExp(`^Accept chat ${position},`) }).click();
  await victim.getByText("An officer is with you.").waitFor();
}

/** As acceptChatOf, for a victim whose page is in Polish (which says their place in Polish). */
export async function acceptPolishChatOf(officer: Page, victim: Page): Promise<void> {
  const text = (await victim.getByText(/w kolejce/i).first().textContent()) ?? "";
  const position = text.includes("następna") ? "1" : /(\d+)/.exec(text)?.[1];
  await officer.getByRole("button", { name: new RegExp(`^Accept chat ${position},`) }).click();
  await victim.getByText("Policjant jest z Tobą.").waitFor();
}

/** Where Quick exit goes by default; tests answer it locally, as the network is closed. */
export const NEUTRAL_SITE = "https://www.bbc.co.uk/weather";

/** Serves the neutral site from the test, so leaving works without the internet. */
export async function answerNeutralSite(context: BrowserContext): Promise<void> {
  await context.route("https://www.bbc.co.uk/**", (route) =>
    route.fulfill({ contentType: "text/html", body: "<!doctype html><title>Weather</title><h1>Weather</h1>" }),
  );
}

/** The victim starts a chat and an officer (already signed in on `officer`) accepts it. */
export async function startAcceptedChat(victim: Page, officer: Page, baseUrl: string): Promise<void> {
  await victim.goto(baseUrl);
  await victim.getByRole("button", { name: "Start chat" }).click();
  await victim.getByText(/in the queue\./).waitFor();
  await acceptChatOf(officer, victim);
}

/** The officer links one of the victim's messages in the open chat to a DASH question, from the chat log. */
export async function linkToDashQuestion(officer: Page, words: string, question: string): Promise<void> {
  const message = officer.getByRole("tabpanel").getByRole("log").getByRole("listitem").filter({ hasText: words });
  await message.getByRole("button", { name: "Link to DASH question…" }).click();
  await message.getByLabel("DASH question", { exact: true }).selectOption({ label: question });
  await message.getByRole("button", { name: "Link", exact: true }).click();
  await message.getByRole("status").filter({ hasText: `Linked to: ${question}` }).waitFor();
}
