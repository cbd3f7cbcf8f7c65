import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { browserForFile } from "./browser.ts";
import { startCuttableProxy, type CuttableProxy } from "./cuttable-proxy.ts";
import { NETWORK_OFFICER } from "./officers.ts";
import { acceptChatOf, signInOfficer, texts, write } from "./pages.ts";

const baseUrl = inject("baseUrl");
const browser = browserForFile();
let proxy: CuttableProxy;

beforeAll(async () => {
  proxy = await startCuttableProxy(new URL(baseUrl));
});
afterAll(async () => {
  await proxy?.close();
});

async function victimAndOfficerTalking(victimUrl: string) {
  const officer = await (await browser().newContext()).newPage();
  const victim = await (await browser().newContext()).newPage();
  await signInOfficer(officer, baseUrl, NETWORK_OFFICER);
  await victim.goto(victimUrl);
  await victim.getByRole("button", { name: "Start chat" }).click();
  await victim.getByText(/in the queue\./).waitFor();
  await acceptChatOf(officer, victim);
  await officer.getByRole("status").filter({ hasText: "You are talking with the victim." }).waitFor();
  return { officer, victim };
}

describe("a chat on a bad network", () => {
  it("keeps both logs identical and complete when the victim's network is cut mid-chat", async () => {
    const { officer, victim } = await victimAndOfficerTalking(proxy.url);
    const victimLog = victim.getByRole("log", { name: "Messages" });
    const officerLog = officer.getByRole("log", { name: "Messages" });

    await write(victim, "Hello, can you hear me?");
    await officerLog.getByText("Hello, can you hear me?").waitFor();
    await write(officer, "Yes, I am here.");
    await victimLog.getByText("Yes, I am here.").waitFor();

    proxy.cut();
    await victim.getByText("Reconnecting…").waitFor();
    await write(victim, "He just came back");
    await write(victim, "I have to be quick");
    await write(officer, "Are you safe right now?");
    await write(officer, "If you are in danger call 999");
    expect(await victimLog.getByText("Sending…").count()).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    proxy.restore();

    const expectedCount = 6;
    await victim.waitForFunction(
      (n) => document.querySelectorAll('[role="log"] li').length === n && !document.body.innerText.includes("Sending…"),
      expectedCount,
      { timeout: 30_000 },
    );
    await officer.waitForFunction(
      (n) => document.querySelectorAll('[role="log"] li').length === n,
      expectedCount,
      { timeout: 30_000 },
    );
    const victimTexts = await texts(victimLog);
    expect(victimTexts).toEqual(await texts(officerLog));
    expect(victimTexts).toHaveLength(expectedCount);
    expect(new Set(victimTexts)).toEqual(
      new Set([
        "Hello, can you hear me?",
        "Yes, I am here.",
        "He just came back",
        "I have to be quick",
        "Are you safe right now?",
        "If you are in danger call 999",
      ]),
    );
    // Each side's own messages keep the order they were written in.
    expect(victimTexts.indexOf("He just came back")).toBeLessThan(victimTexts.indexOf("I have to be quick"));
    expect(victimTexts.indexOf("Are you safe right now?")).toBeLessThan(victimTexts.indexOf("If you are in danger call 999"));
  });

  it("brings the conversation back after the victim, then the officer, reload", async () => {
    const { officer, victim } = await victimAndOfficerTalking(baseUrl);
    await write(victim, "Before the reload");
    await officer.getByRole("log", { name: "Messages" }).getByText("Before the reload").waitFor();
    await victim.reload();
    const victimLog = victim.getByRole("log", { name: "Messages" });
    await victimLog.getByText("Before the reload").waitFor();
    await write(officer, "Still with you");
    await victimLog.getByText("Still with you").waitFor();
    expect(await texts(victimLog)).toEqual(["Before the reload", "Still with you"]);

    await officer.reload();
    // Every chat this officer is in reopens, oldest first; this one was accepted last.
    await officer.getByRole("tab").last().click();
    const officerLog = officer.getByRole("log", { name: "Messages" });
    await officerLog.getByText("Still with you").waitFor();
    await write(officer, "After my reload");
    await victimLog.getByText("After my reload").waitFor();
    expect(await texts(officerLog)).toEqual(["Before the reload", "Still with you", "After my reload"]);
  });

  it("shows the officer when the victim is typing and has read their message", async () => {
    const { officer, victim } = await victimAndOfficerTalking(baseUrl);
    await write(officer, "How can I help?");
    await victim.getByRole("log", { name: "Messages" }).getByText("How can I help?").waitFor();
    await officer.getByRole("log", { name: "Messages" }).getByText("Read").waitFor();
    await victim.getByRole("textbox", { name: "Message" }).pressSequentially("I need");
    await officer.getByText("The victim is typing…").waitFor();
  });
});
