/** What the Conversation schedules (rooms/scheduler.ts): one row each, one alarm at the earliest. */
export type ConversationJob =
  | "flush"
  | "archive"
  | "offline:victim"
  | "offline:officer"
  | "inactivity-prompt"
  | "inactivity-close"
  | "abandon";
