/**
 * Creates the demo accounts for local use only: an officer and a supervisor. It always writes
 * to wrangler's local D1 (never --remote), and nothing in the deployed Worker creates
 * accounts, so they cannot exist in production unless an admin deliberately makes them.
 */
import { parseArgs } from "node:util";
import { createOfficer, type NewOfficer } from "./create-officer.ts";

export const DEMO_OFFICER = {
  email: "demo.officer@quietline.local",
  password: "quietline-demo-only",
  displayName: "Demo Officer",
  role: "officer",
} as const satisfies NewOfficer;

export const DEMO_SUPERVISOR = {
  email: "demo.supervisor@quietline.local",
  password: "quietline-demo-only",
  displayName: "Demo Supervisor",
  role: "supervisor",
} as const satisfies NewOfficer;

export async function seedDemoAccounts(persistTo?: string): Promise<void> {
  for (const account of [DEMO_OFFICER, DEMO_SUPERVISOR]) await createOfficer(account, { remote: false, persistTo });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { "persist-to": { type: "string" } } });
  await seedDemoAccounts(values["persist-to"]);
  console.log(`Local demo accounts (password ${DEMO_OFFICER.password}): ${DEMO_OFFICER.email}, ${DEMO_SUPERVISOR.email}`);
}
