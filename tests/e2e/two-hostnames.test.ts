/**
 * One local server, two hostnames, as `npm start` serves them: victims at localhost, staff at
 * console.localhost. Then the same with Cloudflare Access configured, its team's certs served
 * from a key set this file makes, and the token Access would add to every staff request.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join, relative } from "node:path";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { NewOfficer } from "../../scripts/create-officer.ts";
import { root } from "../../scripts/wrangler.ts";
import { browserForFile } from "./browser.ts";
import { startLocalServer, type LocalServer } from "./local-server.ts";
import { HOSTS_OFFICER } from "./officers.ts";
import { answerNeutralSite, consoleUrl, NEUTRAL_SITE, signInOfficer, startAcceptedChat, write } from "./pages.ts";

const baseUrl = inject("baseUrl");
const staffUrl = consoleUrl(baseUrl, "");
const browser = browserForFile();

/** What a page's own script gets back from its server: the status of each path. */
function statuses(page: Page, paths: string[], method = "GET"): Promise<number[]> {
  return page.evaluate(
    ({ paths, method }) => Promise.all(paths.map(async (path) => (await fetch(path, { method, headers: { "Content-Type": "application/json" }, body: method === "GET" ? undefined : "{}" })).status)),
    { paths, method },
  );
}

/** Whether a WebSocket to this path opens, from the page's own origin. */
function socketOpens(page: Page, path: string): Promise<boolean> {
  return page.evaluate(
    (path) =>
      new Promise<boolean>((resolve) => {
        const socket = new WebSocket(new URL(path, location.href.replace(/^http/, "ws")));
        socket.onopen = () => {
          socket.close();
          resolve(true);
        };
        socket.onerror = () => resolve(false);
      }),
    path,
  );
}

/** The built files, split as the build listed them (scripts/public-host-files.ts). */
function builtFiles() {
  const build = join(root, "app/build");
  const listed = new Set((JSON.parse(readFileSync(join(build, "_app/public-host-files.json"), "utf8")) as { files: string[] }).files);
  const all = readdirSync(join(build, "_app/immutable"), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${relative(build, join(entry.parentPath, entry.name))}`);
  return { victims: all.filter((file) => listed.has(file)), consoleOnly: all.filter((file) => !listed.has(file)) };
}

describe("two hostnames, one server", () => {
  it("the victims' hostname serves the victim page and only the code it uses; the console's pages and code are not there", async () => {
    const victim = await (await browser().newContext()).newPage();
    const loaded: string[] = [];
    victim.on("response", (response) => {
      if (new URL(response.url()).pathname.startsWith("/_app/immutable/")) loaded.push(`${response.status()} ${new URL(response.url()).pathname}`);
    });
    await victim.goto(baseUrl);
    await victim.getByRole("button", { name: "Start chat" }).waitFor();

    const { victims, consoleOnly } = builtFiles();
    expect(consoleOnly.length).toBeGreaterThan(0);
    expect(loaded.length).toBeGreaterThan(0);
    for (const line of loaded) expect(victims, line).toContain(line.replace(/^200 /, ""));

    expect(await statuses(victim, ["/console", "/console/records", "/console/dashboard", ...consoleOnly])).toEqual(
      ["/console", "/console/records", "/console/dashboard", ...consoleOnly].map(() => 404),
    );
    expect(await statuses(victim, victims.slice(0, 5))).toEqual(victims.slice(0, 5).map(() => 200));
    await victim.context().close();
  });

  it("the victims' hostname refuses every staff route and socket; the victim's own routes work as before", async () => {
    const context = await browser().newContext();
    await answerNeutralSite(context);
    const victim = await context.newPage();
    await victim.goto(baseUrl);
    const staffReads = ["/api/session", "/api/me/conversations", "/api/quick-replies", "/api/records", "/api/analytics/live", "/api/officers", "/api/blocks"];
    expect(await statuses(victim, staffReads)).toEqual(staffReads.map(() => 404));
    const staffWrites = ["/api/session", "/api/quick-replies", "/api/blocks"];
    expect(await statuses(victim, staffWrites, "POST")).toEqual(staffWrites.map(() => 404));
    expect(await socketOpens(victim, "/parties/dispatcher/service")).toBe(false);
    // The victim's own: a chat starts and its socket opens (the page shows its place in the
    // queue), and Quick exit's beacon ends it, so no other test finds it waiting.
    await victim.getByRole("button", { name: "Start chat" }).click();
    await victim.getByText(/in the queue\./).waitFor();
    await victim.getByRole("button", { name: "Quick exit" }).click();
    await victim.waitForURL(NEUTRAL_SITE);
    await context.close();
  });

  it("the staff hostname opens onto the console, which answers a victim who wrote on the victims' hostname", async () => {
    const officer = await (await browser().newContext()).newPage();
    await officer.goto(staffUrl);
    expect(officer.url()).toBe(`${staffUrl}/console`);
    await signInOfficer(officer, baseUrl, HOSTS_OFFICER);
    const victim = await (await browser().newContext()).newPage();
    await startAcceptedChat(victim, officer, baseUrl);
    await write(victim, "Is this the police?");
    await officer.getByRole("log", { name: "Messages" }).getByText("Is this the police?").waitFor();
    await write(officer, "Yes, I am an officer.");
    await victim.getByRole("log", { name: "Messages" }).getByText("Yes, I am an officer.").waitFor();
    // The victim's routes are not on the staff hostname, and its code still loads there.
    expect(await statuses(officer, ["/api/conversations"], "POST")).toEqual([404]);
    expect(await statuses(officer, builtFiles().consoleOnly.slice(0, 3))).toEqual(builtFiles().consoleOnly.slice(0, 3).map(() => 200));
    await victim.context().close();
    await officer.context().close();
  });
});

/** An officer signed in by the force's directory, through Cloudflare Access. */
const ACCESS_OFFICER = {
  email: "pc.access@police.test",
  displayName: "PC Access",
  role: "officer",
  password: "never used: Access signs this officer in",
} as const satisfies NewOfficer;
const AUD = "e2e-access-application-aud-tag";

describe("the staff hostname behind Cloudflare Access", () => {
  let server: LocalServer;
  let certs: Server;
  let token: (email: string) => Promise<string>;

  beforeAll(async () => {
    // The team's signing key, and its certs where the Worker fetches them: <team>/cdn-cgi/access/certs.
    const key = await generateKeyPair("RS256");
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(key.publicKey)), kid: "e2e-team-key", alg: "RS256", use: "sig" }] });
    certs = createServer((request, response) => {
      if (request.url !== "/cdn-cgi/access/certs") return void response.writeHead(404).end();
      response.writeHead(200, { "Content-Type": "application/json" }).end(jwks);
    });
    await new Promise<void>((resolve) => certs.listen(0, "127.0.0.1", resolve));
    const address = certs.address();
    const team = `127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    token = (email) =>
      new SignJWT({ email })
        .setProtectedHeader({ alg: "RS256", kid: "e2e-team-key" })
        .setIssuer(`http://${team}`)
        .setAudience(AUD)
        .setIssuedAt()
        .setExpirationTime("10m")
        .sign(key.privateKey);
    server = await startLocalServer([ACCESS_OFFICER], { ACCESS_TEAM_DOMAIN: team, ACCESS_AUD: AUD, TRANSLATION_PROVIDER: "off" });
  });
  afterAll(async () => {
    await server?.stop();
    await new Promise((resolve) => certs?.close(resolve));
  });

  /** A browser as Access leaves it: every request to the staff hostname carries this token. */
  async function behindAccess(assertion: string | null) {
    const context = await browser().newContext(assertion ? { extraHTTPHeaders: { "Cf-Access-Jwt-Assertion": assertion } } : {});
    return context.newPage();
  }

  /**
   * A blank page of the staff hostname's origin, answered by this test, to make requests from
   * as the console's own script would (the Worker's refusals carry a CSP that allows none).
   */
  async function onStaffOrigin(page: Page) {
    const blank = `${server.staffUrl}/a-page-of-this-test`;
    await page.route(blank, (route) => route.fulfill({ contentType: "text/html", body: "<!doctype html><title>test</title>" }));
    await page.goto(blank);
  }

  it("refuses the console, its API and its sockets without a valid token", async () => {
    for (const assertion of [null, "not.a.jwt"]) {
      const page = await behindAccess(assertion);
      expect((await page.goto(`${server.staffUrl}/console`))?.status()).toBe(401);
      await onStaffOrigin(page);
      expect(await statuses(page, ["/", "/console", "/api/session", "/api/records"])).toEqual([401, 401, 401, 401]);
      expect(await socketOpens(page, "/parties/dispatcher/service")).toBe(false);
      await page.context().close();
    }
  });

  it("refuses someone Access signed in who has no quietline account", async () => {
    const page = await behindAccess(await token("stranger@police.test"));
    expect((await page.goto(`${server.staffUrl}/console`))?.status()).toBe(403);
    await page.context().close();
  });

  it("signs the officer in with the token alone: no password, the queue live", async () => {
    const officer = await behindAccess(await token(ACCESS_OFFICER.email));
    await officer.goto(`${server.staffUrl}/console`);
    await officer.getByText(`Signed in as ${ACCESS_OFFICER.displayName}`).waitFor();
    expect(await officer.getByLabel("Password").count()).toBe(0);
    // The queue arrives over the Dispatcher socket, which Access's token opened too.
    await officer.getByText("Nobody is waiting.").waitFor();
    await officer.getByText("Connecting to the queue…").waitFor({ state: "hidden" });

    // A victim on the victims' hostname needs no token, and reaches this officer.
    const victim = await (await browser().newContext()).newPage();
    await startAcceptedChat(victim, officer, server.url);
    await write(victim, "Hello?");
    await officer.getByRole("log", { name: "Messages" }).getByText("Hello?").waitFor();
    await victim.context().close();
    await officer.context().close();
  });
});
