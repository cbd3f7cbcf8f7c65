import type { ConnectionRole } from "../shared/protocol";

/** Who a chat's connection is, kept in the connection's state so it survives hibernation. */
export interface ParticipantState {
  role: ConnectionRole;
  /** For staff: which officer (from the Worker's trusted header). */
  officerId?: string | null;
  /** For staff signed in with a session: its digest, rechecked while the socket is open. */
  sessionHash?: string | null;
}
