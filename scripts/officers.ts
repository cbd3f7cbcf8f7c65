/**
 * Officer accounts, for admins, locally or against a deployed environment's database (add
 * --remote --env staging|production):
 *
 *   npm run officers -- create  --email E --name "N" [--role officer|supervisor|admin]
 *   npm run officers -- disable --email E      signs them out everywhere and stops sign-in
 *   npm run officers -- enable  --email E
 *   npm run officers -- reset   --email E      a new password (asked for, or from stdin); signs them out
 *   npm run officers -- list
 *
 * Passwords are read unechoed from the terminal or from standard input, never from arguments.
 */
import { parseArgs } from "node:util";
import { hashPassword } from "../worker/auth/passwords.ts";
import { createOfficer, readPassword } from "./create-officer.ts";
import { targetArgs, wrangler } from "./wrangler.ts";

const ROLES = ["officer", "supervisor", "admin"] as const;
const quote = (value: string) => `'${value.replaceAll("'", "''")}'`;

type Target = { remote: boolean; persistTo?: string; environment?: string };

function sql(command: string, target: Target): unknown[] {
  const output = wrangler(["d1", "execute", "DB", ...targetArgs(target), "--json", "--command", command], { quiet: true });
  const parsed = JSON.parse(output) as { results?: unknown[] }[];
  return parsed[0]?.results ?? [];
}

function changed(results: unknown[], email: string): void {
  if (results.length === 0) throw new Error(`no account for ${email}`);
}

async function main() {
  const [command = "help", ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string", default: "officer" },
      remote: { type: "boolean", default: false },
      env: { type: "string" },
      "persist-to": { type: "string" },
    },
  });
  // wrangler.toml's top level is local development only: a deployed database is an environment's.
  if (values.remote !== Boolean(values.env)) throw new Error("a deployed database needs both --remote and --env staging|production");
  const target: Target = { remote: values.remote, persistTo: values["persist-to"], environment: values.env };
  const email = values.email?.trim().toLowerCase();
  const needEmail = () => {
    if (!email) throw new Error(`usage: npm run officers -- ${command} --email EMAIL [--remote --env ENV]`);
    return email;
  };
  const now = Date.now();
  switch (command) {
    case "create": {
      const role = values.role as (typeof ROLES)[number];
      if (!values.name || !ROLES.includes(role)) throw new Error('usage: npm run officers -- create --email E --name "N" [--role officer|supervisor|admin]');
      const created = await createOfficer({ email: needEmail(), displayName: values.name, role, password: await readPassword() }, target);
      return console.log(created ? `Created ${role} ${email}.` : `${email} already has an account; nothing changed.`);
    }
    case "disable":
      changed(sql(`UPDATE officers SET disabled_at = ${now} WHERE email = ${quote(needEmail())} RETURNING id`, target), needEmail());
      sql(`DELETE FROM officer_sessions WHERE officer_id IN (SELECT id FROM officers WHERE email = ${quote(needEmail())})`, target);
      return console.log(`Disabled ${email} and signed them out everywhere.`);
    case "enable":
      changed(sql(`UPDATE officers SET disabled_at = NULL WHERE email = ${quote(needEmail())} RETURNING id`, target), needEmail());
      return console.log(`Enabled ${email}.`);
    case "reset": {
      const password = await readPassword();
      if (password.length < 12) throw new Error("passwords must be at least 12 characters");
      const hash = await hashPassword(password);
      changed(sql(`UPDATE officers SET password_hash = ${quote(hash)} WHERE email = ${quote(needEmail())} RETURNING id`, target), needEmail());
      sql(`DELETE FROM officer_sessions WHERE officer_id IN (SELECT id FROM officers WHERE email = ${quote(needEmail())})`, target);
      return console.log(`New password set for ${email}; their sessions were ended.`);
    }
    case "list": {
      const rows = sql("SELECT email, display_name, role, disabled_at FROM officers ORDER BY email", target) as {
        email: string;
        display_name: string;
        role: string;
        disabled_at: number | null;
      }[];
      for (const row of rows) console.log(`${row.email}\t${row.display_name}\t${row.role}${row.disabled_at ? "\tdisabled" : ""}`);
      return;
    }
    default:
      console.log("usage: npm run officers -- create|disable|enable|reset|list [--email E] [--name N] [--role R] [--remote --env ENV]");
      process.exit(command === "help" ? 0 : 2);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
