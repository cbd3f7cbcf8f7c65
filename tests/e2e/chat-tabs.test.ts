/**
 * Juggling chats: each chat's tab says the victim's language in English, how long they have
 * waited, and what happened (a location shared, a quick exit), and each of these has its own
 * tone and, once the officer turns them on, a desktop notification with none of the victim's words.
 */
import { describe, expect, inject, it } from "vitest";
import { accessibilityProblems } from "./accessibility.ts";
import { browserForFile } from "./browser.ts";
import { staffUrlOf } from "./local-server.ts";
import { TABS_OFFICER } from "./officers.ts";
import { acceptPolishChatOf, answerNeutralSite, signInOfficer } from "./pages.ts";

const baseUrl = inject("baseUrl");
const browser = browserForFile();

interface Heard {
  tones: number[];
  notices: string[];
}

/** What the console played (each note's pitch) and which desktop notifications it made, from the test's own hooks. */
const heard = (): Heard => (window as unknown as { heard: Heard }).heard;

describe("chat tabs and cues", () => {
  it("shows a Polish victim's chat as Polish, waiting, with its location and quick exit, each cue with its own tone and notification", async () => {
    const context = await browser().newContext();
    await context.grantPermissions(["notifications"], { origin: staffUrlOf(baseUrl) });
    await context.addInitScript(() => {
      const record: Heard = { tones: [], notices: [] };
      (window as unknown as { heard: Heard }).heard = record;
      const start = OscillatorNode.prototype.start;
      OscillatorNode.prototype.start = function (this: OscillatorNode, when?: number) {
        record.tones.push(this.frequency.value);
        start.call(this, when);
      };
      const Real = window.Notification;
      window.Notification = class extends Real {
        constructor(title: string, options?: NotificationOptions) {
          record.notices.push(`${title}: ${options?.body ?? ""}`);
          super(title, options);
        }
      };
    });
    const officer = await context.newPage();
    await officer.clock.install();
    await signInOfficer(officer, baseUrl, TABS_OFFICER);
    await officer.getByRole("button", { name: "Turn on desktop notifications" }).click();
    await officer.getByRole("button", { name: "Turn off desktop notifications" }).waitFor();
    const heardSoFar = () => officer.evaluate(heard);
    const since = async (before: Heard) => {
      const now = await heardSoFar();
      return { tones: now.tones.slice(before.tones.length), notices: now.notices.slice(before.notices.length) };
    };

    // A Polish-speaking victim starts a chat: the new-chat tone, and a notification.
    const victimContext = await browser().newContext({ locale: "pl-PL", geolocation: { latitude: 51.5072, longitude: -0.1276, accuracy: 40 } });
    await answerNeutralSite(victimContext);
    const victim = await victimContext.newPage();
    await victim.goto(baseUrl);
    await victim.waitForFunction(() => document.documentElement.lang === "pl");
    let before = await heardSoFar();
    await victim.getByRole("button", { name: "Rozpocznij czat" }).click();
    await victim.getByText(/w kolejce/i).waitFor();
    await expect.poll(async () => (await since(before)).notices).toEqual(["quietline console: New chat waiting"]);
    const newChatTone = (await since(before)).tones;
    expect(newChatTone.length).toBeGreaterThan(0);

    await acceptPolishChatOf(officer, victim);
    const tab = officer.getByRole("tab").last();
    await tab.getByText("Polish").waitFor();
    // Beside the chat too, in English rather than in her own script.
    await officer.getByRole("region", { name: "About this victim" }).getByText("Polish", { exact: true }).waitFor();

    // She writes and waits: the tab says so, and how long, as the minutes pass.
    await victim.getByRole("textbox").first().fill("Dzień dobry, potrzebuję pomocy");
    await victim.locator("form.compose button[type=submit]").click();
    await tab.getByText("waiting under 1 min").waitFor();
    // Half a minute to spare: the page's installed clock runs in ticks and can trail the
    // server's time of her message by a moment, which would read as 4 minutes.
    await officer.clock.fastForward("05:30");
    await tab.getByText("waiting 5 min").waitFor();

    // Once a DASH answer is in, the tab shows the grading.
    const panel = officer.getByRole("tabpanel");
    await panel.getByText("What is happening now").click();
    await panel.getByRole("listitem").filter({ hasText: "Are you very frightened?" }).getByRole("button", { name: "Yes", exact: true }).click();
    await tab.getByText("Standard risk").waitFor();
    expect(await accessibilityProblems(officer, { seriousOnly: true })).toEqual([]);

    // She shares her location: its own tone, a notification, and the tab says so.
    before = await heardSoFar();
    await victimContext.grantPermissions(["geolocation"], { origin: baseUrl });
    await victim.getByRole("button", { name: "Udostępnij moją lokalizację" }).click();
    await tab.getByText("Location shared").waitFor();
    await expect.poll(async () => (await since(before)).notices).toEqual([expect.stringMatching(/^quietline console: Chat \d+: the victim shared a location$/)]);
    const locationTone = (await since(before)).tones;

    // She leaves by quick exit: the tab says "Quick exit", with a tone unlike the others.
    before = await heardSoFar();
    await victim.getByRole("button", { name: /Szybkie wyjście|Quick exit/ }).first().click();
    await tab.getByText("Quick exit").waitFor();
    await tab.getByText("Wrap-up").waitFor();
    await expect.poll(async () => (await since(before)).notices).toEqual([expect.stringMatching(/^quietline console: Chat \d+: the victim left by quick exit$/)]);
    const quickExitTone = (await since(before)).tones;
    expect(quickExitTone.length).toBeGreaterThan(0);
    expect(quickExitTone).not.toEqual(newChatTone);
    expect(quickExitTone).not.toEqual(locationTone);
    expect(locationTone).not.toEqual(newChatTone);

    // No notification carried her words.
    expect((await heardSoFar()).notices.join(" ")).not.toContain("pomocy");
    expect(await accessibilityProblems(officer, { seriousOnly: true })).toEqual([]);
    await context.close();
    await victimContext.close();
  });
});
