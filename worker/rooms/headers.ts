/**
 * Headers the Worker sets on requests it forwards to a Durable Object. The Worker forwards only
 * a client's handshake headers (parties.ts), so inside a Durable Object these can be trusted.
 */
export const OFFICER_HEADER = "x-quietline-officer";
/** The signed-in officer's staff role: officer, supervisor or admin. */
export const STAFF_ROLE_HEADER = "x-quietline-staff-role";
/** The signed-in officer's display name, URI-encoded. */
export const OFFICER_NAME_HEADER = "x-quietline-officer-name";
/** SHA-256 of the officer's session secret (absent with Cloudflare Access): sockets recheck it. */
export const SESSION_HEADER = "x-quietline-session";
/** Set inside the Conversation for its own onConnect: victim, officer or observer. */
export const ROLE_HEADER = "x-quietline-role";

/** Query parameter carrying a victim's single-use connection ticket. */
export const TICKET_PARAM = "ticket";

/** Query parameter with the last seq a (re)connecting client already holds. */
export const SINCE_PARAM = "since";
