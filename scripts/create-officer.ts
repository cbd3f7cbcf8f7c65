/**
 * Creates an officer, supervisor or admin account (used by scripts/officers.ts and the local
 * demo seed). Locally it writes to wrangler's local D1; with --remote, to the deployed
 * database. Only a PBKDF2 hash of the password is stored.
 */
import { randomBytes } from "node:crypto";
import { createInterface } from "node:readline";
import { hashPassword } from "../worker/auth/passwords.ts";
import { targetArgs, wrangler } from "./wrangler.ts";

const ROLES = ["officer", "supervisor", "admin"] as const;
type Role = (typeof ROLES)[number];

export interface NewOfficer {
  email: string;
  displayName: string;
  role: Role;
  password: string;
}

const quote = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** Inserts the account; an existing email is left exactly as it is. Returns true if created. */
export async function createOfficer(
  officer: NewOfficer,
  target: { remote: boolean; persistTo?: string; environment?: string },
): Promise<boolean> {
  const email = officer.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new Error(`"${officer.email}" is not an email address`);
  if (officer.password.length < 12) throw new Error("passwords must be at least 12 characters");
  const id = randomBytes(16).toString("base64url");
  const hash = await hashPassword(officer.password);
  const sql =
    "INSERT INTO officers (id, email, display_name, role, password_hash, created_at) VALUES " +
    `(${quote(id)}, ${quote(email)}, ${quote(officer.displayName)}, ${quote(officer.role)}, ${quote(hash)}, ${Date.now()}) ` +
    "ON CONFLICT(email) DO NOTHING RETURNING id";
  const output = wrangler(["d1", "execute", "DB", ...targetArgs(target), "--json", "--command", sql], { quiet: true });
  return output.includes(id);
}

/** A password from standard input, or asked for twice, unechoed, on a terminal. */
export async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = "";
    for await (const chunk of process.stdin) text += chunk;
    return text.replace(/\r?\n$/, "");
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      process.stdout.write(prompt);
      const mute = rl as unknown as { _writeToOutput: (s: string) => void };
      mute._writeToOutput = () => {};
      rl.question("", (answer) => {
        process.stdout.write("\n");
        resolve(answer);
      });
    });
  const first = await ask("Password: ");
  const second = await ask("Repeat password: ");
  rl.close();
  if (first !== second) throw new Error("the passwords do not match");
  return first;
}
