import { describe, expect, inject, it } from "vitest";
import { browserForFile } from "./browser.ts";
import { QUEUE_OFFICER, SUPERVISOR } from "./officers.ts";
import { acceptChatOf, consoleUrl, messageLog, queuePosition, signInOfficer, write } from "./pages.ts";

const baseUrl = inject("baseUrl");
const browser = browserForFile();

const newPage = async () => (await browser().newContext()).newPage();

describe("the queue, seen by victims, an officer and a supervisor", () => {
  it("moves two waiting victims up as an officer accepts, and shows the supervisor both", async () => {
    const supervisor = await newPage();
    await signInOfficer(supervisor, baseUrl, SUPERVISOR);
    // The supervisor is on the console but not taking chats, and watches on the supervision page.
    await supervisor.getByLabel("Your status").selectOption("busy");
    const supervision = await supervisor.context().newPage();
    await supervision.goto(consoleUrl(baseUrl, "/console/supervision"));
    await supervision.getByRole("heading", { name: "Live picture" }).waitFor();

    // Other files may have left chats waiting, so places are checked relative to the first victim's.
    const waitingCount = async () =>
      Number(/\((\d+)\)/.exec((await supervisor.getByRole("heading", { name: /^Waiting/ }).textContent()) ?? "")?.[1]);
    const before = await waitingCount();

    const first = await newPage();
    await first.goto(baseUrl);
    await first.getByRole("button", { name: "Start chat" }).click();
    await first.getByText(/in the queue\./).waitFor();
    const place = await queuePosition(first);
    await write(first, "I am first");

    const second = await newPage();
    await second.goto(baseUrl);
    await second.getByRole("button", { name: "Start chat" }).click();
    await second.getByText(`You are number ${place + 1} in the queue.`).waitFor();
    // Nobody is taking chats yet, and the page says so rather than showing a spinner.
    await second.getByText("No officer is free right now.").waitFor();
    await supervisor.getByRole("heading", { name: `Waiting (${before + 2})` }).waitFor();

    const officer = await newPage();
    await signInOfficer(officer, baseUrl, QUEUE_OFFICER);
    await second.getByText(/Expected wait: about/).waitFor();
    await acceptChatOf(officer, first);

    await first.getByText("An officer is with you.").waitFor();
    await second.getByText(place === 1 ? "You are next in the queue." : `You are number ${place} in the queue.`).waitFor();
    await messageLog(officer).getByText("I am first").waitFor();
    await supervisor.getByRole("heading", { name: `Waiting (${before + 1})` }).waitFor();
    const active = supervision.getByRole("table", { name: /^Live chats/ });
    await active.getByRole("cell", { name: QUEUE_OFFICER.displayName }).waitFor();
    const officers = supervision.getByRole("table", { name: "Officers" });
    const row = officers.getByRole("row").filter({ hasText: QUEUE_OFFICER.displayName });
    expect(await row.textContent()).toContain("1 of 3");

    // The supervisor reads the chat live, on the supervision page, without a box to write in.
    await active.getByRole("row").filter({ hasText: QUEUE_OFFICER.displayName }).getByRole("button", { name: /^Read/ }).click();
    const reading = supervision.getByRole("region", { name: "Reading a chat" });
    await reading.getByText("I am first").waitFor();
    expect(await reading.getByRole("textbox", { name: "Message" }).count()).toBe(0);
    await write(officer, "Hello, I am PC Bo");
    await reading.getByText("Hello, I am PC Bo").waitFor();
  });

  it("hands a chat back to the queue with a note, and the victim sees no gap", async () => {
    const officer = await newPage();
    await signInOfficer(officer, baseUrl, QUEUE_OFFICER);
    const victim = await newPage();
    await victim.goto(baseUrl);
    await victim.getByRole("button", { name: "Start chat" }).click();
    await victim.getByText(/in the queue/).waitFor();
    await write(victim, "Can someone help?");
    await acceptChatOf(officer, victim);
    await officer.getByRole("tabpanel").getByText("Can someone help?").waitFor();

    await officer.getByRole("tabpanel").getByRole("button", { name: "Transfer this chat" }).click();
    await officer.getByLabel("Transfer to").selectOption("queue");
    await officer.getByLabel("Note for the next officer").fill("Needs a Polish speaker");
    await officer.getByRole("button", { name: "Transfer", exact: true }).click();

    await victim.getByText("Your officer has had to leave. Someone new will be with you shortly").waitFor();
    await officer.getByText(/went back to the queue/).waitFor();
    await victim.getByText(/in the queue\./).waitFor();
    await acceptChatOf(officer, victim);
    await officer.getByRole("tabpanel").getByText("Needs a Polish speaker").waitFor();
    await officer.getByRole("tabpanel").getByText("Can someone help?").waitFor();
    await victim.getByText("An officer is with you.").waitFor();
    expect(await victim.getByRole("log", { name: "Messages" }).getByRole("listitem").count()).toBe(1);
  });
});
