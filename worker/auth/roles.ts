/** The staff roles' allow-lists, named once: routes (http/require-officer.ts) and sockets use these. */
import type { StaffRole } from "../shared/protocol";

export const ALL_STAFF = ["officer", "supervisor", "admin"] as const satisfies readonly StaffRole[];
/** Supervisors and admins: read any chat or record, the audit log and the dashboard; place legal holds. */
export const SENIOR_STAFF = ["supervisor", "admin"] as const satisfies readonly StaffRole[];
/** Admins: revoke others' sessions, see what retention will delete. */
export const ADMINS = ["admin"] as const satisfies readonly StaffRole[];

/** Supervisors and admins: the one test of "senior staff" that routes, records and the queue all use. */
export function isSeniorStaff(who: { role: StaffRole }): boolean {
  return (SENIOR_STAFF as readonly StaffRole[]).includes(who.role);
}
