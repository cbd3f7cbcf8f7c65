/**
 * Creates the demo officer for local use only. It always writes to wrangler's local D1 (never
 * --remote), and nothing in the deployed Worker creates accounts, so it cannot exist in
 * production unless an admin deliberately makes it.
 */
import { parseArgs } from "node:util";
import { createOfficer } from "./create-officer.ts";

export const DEMO_OFFICER = {
  email: "demo.officer@quietline.local",
  password: "quietline-demo-only",
  displayName: "Demo Officer",
  role: "officer",
} as const;

export async function seedDemoOfficer(persistTo?: string): Promise<void> {
  await createOfficer(DEMO_OFFICER, { remote: false, persistTo });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { "persist-to": { type: "string" } } });
  await seedDemoOfficer(values["persist-to"]);
  console.log(`Local demo officer: ${DEMO_OFFICER.email} / ${DEMO_OFFICER.password}`);
}
