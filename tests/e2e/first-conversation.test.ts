import { describe, expect, inject, it } from "vitest";
import { browserForFile } from "./browser.ts";
import { OFFICER } from "./officers.ts";
import { acceptChatOf, consoleUrl, signInOfficer } from "./pages.ts";

const baseUrl = inject("baseUrl");
const browser = browserForFile();

describe("the first real conversation", () => {
  it("a victim starts a chat, an officer accepts it, they talk both ways, and the officer ends it", async () => {
    const officerContext = await browser().newContext();
    const victimContext = await browser().newContext();
    const officer = await officerContext.newPage();
    const victim = await victimContext.newPage();

    await signInOfficer(officer, baseUrl);
    await officer.getByRole("heading", { name: /^Waiting/ }).waitFor();

    await victim.goto(baseUrl);
    await victim.getByRole("button", { name: "Start chat" }).click();
    await victim.getByRole("status").filter({ hasText: "Waiting for an officer" }).waitFor();

    // The waiting chat appears in the console without a reload.
    await victim.getByText(/in the queue\./).waitFor();
    await acceptChatOf(officer, victim);

    await victim.getByRole("textbox", { name: "Message" }).fill("I need help, he is at home");
    await victim.getByRole("button", { name: "Send", exact: true }).click();
    const officerLog = officer.getByRole("log", { name: "Messages" });
    await officerLog.getByText("I need help, he is at home").waitFor();
    expect(await officerLog.getByRole("listitem").first().textContent()).toContain("Victim");

    await officer.getByRole("textbox", { name: "Message" }).fill("You are safe to talk. Are you hurt?");
    await officer.getByRole("textbox", { name: "Message" }).press("Enter");
    const victimLog = victim.getByRole("log", { name: "Messages" });
    await victimLog.getByText("You are safe to talk. Are you hurt?").waitFor();
    expect(await victimLog.getByRole("listitem").last().textContent()).toContain("Support");

    await officer.getByRole("button", { name: "End chat" }).click();
    await officer.getByRole("button", { name: "Yes, end chat" }).click();
    await victim.getByText("The officer has ended this chat.").waitFor();
    await officer.getByText("You ended this chat.").waitFor();
    expect(await victim.getByRole("textbox", { name: "Message" }).count()).toBe(0);
    expect(await victim.getByRole("button", { name: "Start a new chat" }).isVisible()).toBe(true);

    await officerContext.close();
    await victimContext.close();
  });

  it("a victim can end the chat and the officer sees that they left", async () => {
    const officerContext = await browser().newContext();
    const victimContext = await browser().newContext();
    const officer = await officerContext.newPage();
    const victim = await victimContext.newPage();

    await victim.goto(baseUrl);
    await victim.getByRole("button", { name: "Start chat" }).click();
    await victim.getByRole("status").filter({ hasText: "Waiting for an officer" }).waitFor();
    await signInOfficer(officer, baseUrl);
    await victim.getByText(/in the queue\./).waitFor();
    await acceptChatOf(officer, victim);

    await victim.getByRole("button", { name: "End chat" }).click();
    await victim.getByRole("button", { name: "Yes, end chat" }).click();
    await officer.getByText("The victim has ended this chat.").waitFor();
    await victim.getByText("You ended this chat.").waitFor();

    await officerContext.close();
    await victimContext.close();
  });

  it("the console refuses everything until an officer signs in", async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(consoleUrl(baseUrl, "/console"));
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    await page.getByRole("textbox", { name: "Email" }).fill(OFFICER.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").filter({ hasText: "do not match an account" }).waitFor();
    expect(await page.getByRole("heading", { name: /Waiting/ }).count()).toBe(0);
    await context.close();
  });
});
