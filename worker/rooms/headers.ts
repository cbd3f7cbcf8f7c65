/**
 * What the Worker tells a Durable Object about a socket it forwards. The Worker forwards only a
 * client's handshake headers (parties.ts), so inside a Durable Object these can be trusted.
 */
import { z } from "zod/mini";
import { StaffRole } from "../shared/protocol";

/** The signed-in member of staff opening the socket, as JSON (URI-encoded: names need not be ASCII). */
const STAFF_HEADER = "x-quietline-staff";

export const StaffOnSocket = z.object({
  officerId: z.string(),
  role: StaffRole,
  displayName: z.string(),
  /** SHA-256 of the officer's session secret (null with Cloudflare Access): sockets recheck it. */
  sessionHash: z.nullable(z.string()),
});
export type StaffOnSocket = z.infer<typeof StaffOnSocket>;

/** Said by the Worker only, after it has checked the session (parties.ts). */
export function tellStaff(request: Request, staff: StaffOnSocket): void {
  request.headers.set(STAFF_HEADER, encodeURIComponent(JSON.stringify(staff)));
}

/** The member of staff the Worker said is opening this socket, or null for anyone else (a victim). */
export function staffOpening(request: Request): StaffOnSocket | null {
  const header = request.headers.get(STAFF_HEADER);
  if (header === null) return null;
  try {
    const parsed = StaffOnSocket.safeParse(JSON.parse(decodeURIComponent(header)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Query parameter carrying a victim's single-use connection ticket. */
export const TICKET_PARAM = "ticket";

/** Query parameter with the last seq a (re)connecting client already holds. */
export const SINCE_PARAM = "since";
