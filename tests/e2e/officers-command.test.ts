/** The admins' command, run as an admin would, against a local D1 of its own. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root, wrangler } from "../../scripts/wrangler.ts";

let persistTo: string;

function officers(args: string[], input = ""): { status: number; output: string } {
  try {
    const output = execFileSync(process.execPath, ["scripts/officers.ts", ...args, "--persist-to", persistTo], {
      cwd: root,
      input,
      encoding: "utf8",
      stdio: ["pipe", "pipe", "pipe"],
    });
    return { status: 0, output };
  } catch (error) {
    const failure = error as { status: number; stderr: string };
    return { status: failure.status, output: failure.stderr };
  }
}

beforeAll(() => {
  persistTo = mkdtempSync(join(tmpdir(), "quietline-officers-"));
  wrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo], { quiet: true });
});
afterAll(() => rmSync(persistTo, { recursive: true, force: true }));

describe("npm run officers", () => {
  it("creates, lists, disables, enables and resets accounts, reading passwords from stdin", () => {
    expect(officers(["create", "--email", "Sgt.Kay@Police.test", "--name", "Sgt Kay", "--role", "supervisor"], "a long enough password\n")).toMatchObject({
      status: 0,
      output: expect.stringContaining("Created supervisor sgt.kay@police.test"),
    });
    expect(officers(["list"]).output).toContain("sgt.kay@police.test\tSgt Kay\tsupervisor");
    expect(officers(["disable", "--email", "sgt.kay@police.test"]).status).toBe(0);
    expect(officers(["list"]).output).toContain("supervisor\tdisabled");
    expect(officers(["enable", "--email", "sgt.kay@police.test"]).status).toBe(0);
    expect(officers(["list"]).output).not.toContain("disabled");
    expect(officers(["reset", "--email", "sgt.kay@police.test"], "short\n")).toMatchObject({ status: 1, output: expect.stringContaining("at least 12") });
    expect(officers(["reset", "--email", "sgt.kay@police.test"], "a different long password\n").status).toBe(0);
    expect(officers(["disable", "--email", "nobody@police.test"])).toMatchObject({ status: 1, output: expect.stringContaining("no account") });
  });
});
