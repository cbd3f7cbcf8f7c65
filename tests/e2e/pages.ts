/** What a person does on the pages, in the words they would use. */
import type { Locator, Page } from "playwright-core";
import { OFFICER } from "./officers.ts";

export async function signInOfficer(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/console`);
  await page.getByRole("textbox", { name: "Email" }).fill(OFFICER.email);
  await page.getByLabel("Password").fill(OFFICER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByText(`Signed in as ${OFFICER.displayName}`).waitFor();
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
