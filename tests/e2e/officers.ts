import type { NewOfficer } from "../../scripts/create-officer.ts";

export const OFFICER = {
  email: "pc.ada@police.test",
  displayName: "PC Ada",
  role: "officer",
  password: "e2e officer password",
} as const satisfies NewOfficer;

export const E2E_OFFICERS: NewOfficer[] = [OFFICER];
