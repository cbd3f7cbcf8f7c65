/** Close codes the Durable Objects end a socket with, beyond the standard ones; the console reads them. */

/** Closes an officer's sockets when the chat is no longer theirs (transfer, return, reassignment). */
export const NO_LONGER_ASSIGNED = 4003;
/** The officer's sessions were ended (signed out everywhere, or revoked by an admin). */
export const SIGNED_OUT = 4401;
