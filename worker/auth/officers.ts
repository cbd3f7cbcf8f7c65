import { eq } from "drizzle-orm";
import type { Officer } from "../shared/protocol";
import { database } from "../db/client";
import { officers } from "../db/schema";
import { hashPassword, verifyPassword } from "./passwords";

/** Hashed once per isolate and checked against when an email is unknown, so timing does not tell. */
let decoyHash: Promise<string> | undefined;

/** The officer with this email and password, or null. Disabled accounts never sign in. */
export async function authenticate(
  db: D1Database,
  email: string,
  password: string,
): Promise<Officer | null> {
  const row = (
    await database(db).select().from(officers).where(eq(officers.email, email)).limit(1)
  )[0];
  if (!row) {
    decoyHash ??= hashPassword("decoy password for unknown accounts");
    await verifyPassword(password, await decoyHash);
    return null;
  }
  if (!(await verifyPassword(password, row.passwordHash)) || row.disabledAt !== null) return null;
  return { id: row.id, email: row.email, displayName: row.displayName, role: row.role };
}
