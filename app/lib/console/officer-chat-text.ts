/**
 * The chat's words for staff in the console (the victim's are in chat-text.ts, from the page's
 * language files). Kept here so the victim's page never downloads them.
 */
import type { EndReason } from "$shared/protocol";
import { languageName } from "$shared/language-names";
import type { ChatText } from "../chat/chat-text";

const officerEndings: Record<EndReason, string> = {
  "victim-ended": "The victim has ended this chat.",
  "officer-ended": "This chat has ended.",
  inactive: "This chat closed because the victim did not answer for a while.",
  abandoned: "The victim left before an officer joined.",
  "quick-exit": "The victim left using Quick exit. They may not be safe to contact.",
  "left-quietly": "The victim left quietly. They may not be safe to contact.",
  "ended-as-abusive": "You ended this chat as abusive.",
};

export const officerChatText: ChatText = {
  connecting: "Connecting…",
  reconnecting: "Reconnecting… your messages will be sent when the connection is back.",
  messages: "Messages",
  message: "Message",
  send: "Send",
  sending: "Sending…",
  readByOther: "Read",
  you: "You",
  victimName: "Victim",
  officerName: "Officer",
  otherTyping: "The victim is typing…",
  otherOffline: "The victim is offline. They will see your messages if they come back.",
  inactivity: "The victim has been asked whether they are still there. The chat closes at {time} unless they answer.",
  stillHere: null,
  moreTime: "The victim has more time: they will not be asked whether they are still there before {time}.",
  endChat: "End chat",
  endConfirm: "End this chat?",
  endYes: "Yes, end chat",
  endNo: "No, keep chatting",
  tooManyPending: "Too many messages are waiting to be sent. Please wait for the connection to come back.",
  sendingTooFast: "You are sending messages very quickly. Wait a few seconds; they will be sent.",
  notFound: "This chat could not be found.",
  officerChanged: null,
  returnedToQueue: null,
  endedByYou: "You ended this chat.",
  ended: (reason) => (reason ? officerEndings[reason] : "This chat has ended."),
  translationOff: "Translation is off in this service: messages are shown as written.",
  translating: "Translating…",
  notTranslated: "Not translated",
  original: "Original",
  retryTranslation: "Retry translation",
  languageName,
};
