/**
 * Who may do what: the one access policy. Every route (http/require-officer.ts `allow`), both
 * Durable Objects, record search and the console's own menus ask it, so a rule is changed here
 * once. It is pure (no D1, no Workers types) so the app imports it too.
 *
 * **Two kinds of question.** What a role may do anywhere is a capability: a named allow-list of
 * staff roles. What a person may do with one chat depends on the chat too: whether it is
 * assigned to them, whether they took part in it (the record's `conversation_participants`,
 * which records/access.ts looks up), and whether it has ended.
 */
import type { ConversationStatus, StaffRole } from "./protocol";

const ALL_STAFF = ["officer", "supervisor", "admin"] as const satisfies readonly StaffRole[];
const SENIOR_STAFF = ["supervisor", "admin"] as const satisfies readonly StaffRole[];
const ADMINS = ["admin"] as const satisfies readonly StaffRole[];

/** Each capability and the staff roles that have it. */
export const CAPABILITIES = {
  /**
   * The console: sign in, the queue, one's own chats, quick replies, finding and checking records.
   * With it, anyone lists the chats they took part in that ended in the last 24 hours without
   * giving a reason (only their own, whatever their role); every other look at records has one.
   */
  "use-console": ALL_STAFF,
  /** Read along any live chat and read any record (every read of a record is audited). */
  "read-any-chat": SENIOR_STAFF,
  /** Transfer or return a chat assigned to someone else. */
  "reassign-any-chat": SENIOR_STAFF,
  /** Set how many chats an officer takes at once. */
  "set-capacity": SENIOR_STAFF,
  /** The live picture of the service and its dashboard. */
  "see-service": SENIOR_STAFF,
  /** The supervision page: every live chat's language, last activity, DASH progress and flags. */
  "supervise-live-chats": SENIOR_STAFF,
  /** Send the officer of a live chat a private message that only staff see and the record keeps. */
  "message-officer-privately": SENIOR_STAFF,
  "read-audit-log": SENIOR_STAFF,
  "hold-records": SENIOR_STAFF,
  /** See and lift the blocks that "End as abusive" placed. */
  "manage-blocks": SENIOR_STAFF,
  /** See what retention will delete. */
  "see-retention": ADMINS,
  /** End another officer's sessions on every device. */
  "end-others-sessions": ADMINS,
} as const satisfies Record<string, readonly StaffRole[]>;

export type Capability = keyof typeof CAPABILITIES;

/** A signed-in member of staff, as much as the policy needs to know. */
export interface StaffMember {
  id: string;
  role: StaffRole;
}

/** A chat, as much as the policy needs to know: whom it is assigned to now, and where it is. */
export interface ChatFacts {
  officerId: string | null;
  status: ConversationStatus;
}

export function may(who: { role: StaffRole }, capability: Capability): boolean {
  return (CAPABILITIES[capability] as readonly StaffRole[]).includes(who.role);
}

/**
 * As what a member of staff is in a chat: its officer (the one it is assigned to, who writes),
 * an observer (senior staff, who read along and never write), or not at all. This is whom the
 * chat's socket admits, and who sees and changes its risk assessment.
 */
export function placeInChat(who: StaffMember, chat: Pick<ChatFacts, "officerId">): "officer" | "observer" | null {
  if (chat.officerId !== null && chat.officerId === who.id) return "officer";
  return may(who, "read-any-chat") ? "observer" : null;
}

/**
 * Whether this person may write in this chat (messages, notes, the outcome, a message's
 * language): only the officer it is assigned to, while it is active. Senior staff read along and
 * never write, whatever their role; once it has ended, writes become addenda to its record.
 */
export function mayWriteChat(who: Pick<StaffMember, "id">, chat: ChatFacts): boolean {
  return chat.status === "active" && chat.officerId === who.id;
}

/**
 * Whether this person may read this chat and its record. While it is live: whoever is in it
 * (so an officer who transferred it away stops reading it). Once it has ended: anyone who took
 * part, too. Raising a waiting chat's priority is not taking part.
 */
export async function mayReadChat(who: StaffMember, chat: ChatFacts, tookPart: () => boolean | Promise<boolean>): Promise<boolean> {
  if (placeInChat(who, chat) !== null) return true;
  // Asked only when it decides the answer: it is a look-up in D1.
  return chat.status === "ended" && (await tookPart());
}

/**
 * Whether this person may close the wrap-up of an ended chat (and so take it off their console):
 * only the officer it ended with. Senior staff who read along had no wrap-up to do.
 */
export function mayCloseWrapUp(who: Pick<StaffMember, "id">, chat: ChatFacts): boolean {
  return chat.status === "ended" && chat.officerId === who.id;
}

/** Whether this person may transfer a chat or return it to the queue: its officer, or senior staff. */
export function mayReassign(who: StaffMember, chat: Pick<ChatFacts, "officerId">): boolean {
  return chat.officerId === who.id || may(who, "reassign-any-chat");
}
