import type { NewOfficer } from "../../scripts/create-officer.ts";

/** Each e2e file uses its own officers, so one file's chats never fill another's capacity. */
export const OFFICER = {
  email: "pc.ada@police.test",
  displayName: "PC Ada",
  role: "officer",
  password: "e2e officer password",
} as const satisfies NewOfficer;

export const NETWORK_OFFICER = {
  email: "pc.dee@police.test",
  displayName: "PC Dee",
  role: "officer",
  password: "e2e officer password",
} as const satisfies NewOfficer;

export const SAFETY_OFFICER = {
  email: "pc.eve@police.test",
  displayName: "PC Eve",
  role: "officer",
  password: "e2e officer password",
} as const satisfies NewOfficer;

export const TRANSLATION_OFFICER = {
  email: "pc.fay@police.test",
  displayName: "PC Fay",
  role: "officer",
  password: "e2e officer password",
} as const satisfies NewOfficer;

export const CONSOLE_OFFICER = {
  email: "pc.gil@police.test",
  displayName: "PC Gil",
  role: "officer",
  password: "e2e officer password",
} as const satisfies NewOfficer;

export const EXIT_OFFICER = {
  email: "pc.hal@police.test",
  displayName: "PC Hal",
  role: "officer",
  password: "e2e officer password",
} as const satisfies NewOfficer;

export const QUEUE_OFFICER = {
  email: "pc.bo@police.test",
  displayName: "PC Bo",
  role: "officer",
  password: "e2e officer password",
} as const satisfies NewOfficer;

export const SUPERVISOR = {
  email: "sgt.cy@police.test",
  displayName: "Sgt Cy",
  role: "supervisor",
  password: "e2e supervisor password",
} as const satisfies NewOfficer;

export const E2E_OFFICERS: NewOfficer[] = [OFFICER, NETWORK_OFFICER, SAFETY_OFFICER, TRANSLATION_OFFICER, CONSOLE_OFFICER, EXIT_OFFICER, QUEUE_OFFICER, SUPERVISOR];

/** For records.test.ts: an officer whose sealed chat is searched, opened and exported, and a supervisor who audits it. */
export const RECORDS_OFFICER = {
  email: "pc.ivy@police.test",
  displayName: "PC Ivy",
  role: "officer",
  password: "e2e officer password",
} as const satisfies NewOfficer;

export const RECORDS_SUPERVISOR = {
  email: "sgt.jo@police.test",
  displayName: "Sgt Jo",
  role: "supervisor",
  password: "e2e supervisor password",
} as const satisfies NewOfficer;

E2E_OFFICERS.push(RECORDS_OFFICER, RECORDS_SUPERVISOR);

/** For dashboard.test.ts: an officer who answers a chat and is refused the dashboard, and a supervisor who reads it. */
export const DASHBOARD_OFFICER = {
  email: "pc.kit@police.test",
  displayName: "PC Kit",
  role: "officer",
  password: "e2e officer password",
} as const satisfies NewOfficer;

export const DASHBOARD_SUPERVISOR = {
  email: "sgt.jon@police.test",
  displayName: "Sgt Jon",
  role: "supervisor",
  password: "e2e supervisor password",
} as const satisfies NewOfficer;

E2E_OFFICERS.push(DASHBOARD_OFFICER, DASHBOARD_SUPERVISOR);

/** For xss.test.ts: an officer whose display name is itself an attack, and a supervisor who sees it in the live picture. */
export const XSS_OFFICER = {
  email: "pc.xss@police.test",
  displayName: `PC <img src=x onerror="window.__xss=1">`,
  role: "officer",
  password: "e2e officer password",
} as const satisfies NewOfficer;

export const XSS_SUPERVISOR = {
  email: "sgt.xss@police.test",
  displayName: "Sgt Lee",
  role: "supervisor",
  password: "e2e supervisor password",
} as const satisfies NewOfficer;

E2E_OFFICERS.push(XSS_OFFICER, XSS_SUPERVISOR);

/** For bidi-controls.test.ts: an officer who reads words written with hidden direction characters, live and in Records. */
export const BIDI_OFFICER = {
  email: "pc.rae@police.test",
  displayName: "PC Rae",
  role: "officer",
  password: "e2e officer password",
} as const satisfies NewOfficer;

E2E_OFFICERS.push(BIDI_OFFICER);

/** For officer-input.test.ts: an officer who records a note, an outcome and DASH comments, also after the chat has ended. */
export const INPUT_OFFICER = {
  email: "pc.ned@police.test",
  displayName: "PC Ned",
  role: "officer",
  password: "e2e officer password",
} as const satisfies NewOfficer;

E2E_OFFICERS.push(INPUT_OFFICER);

/** For two-hostnames.test.ts: an officer who answers a chat on the staff hostname. */
export const HOSTS_OFFICER = {
  email: "pc.tam@police.test",
  displayName: "PC Tam",
  role: "officer",
  password: "e2e officer password",
} as const satisfies NewOfficer;

E2E_OFFICERS.push(HOSTS_OFFICER);

/** For victim-phone.test.ts: an officer who answers victims on a phone-sized page. */
export const PHONE_OFFICER = {
  email: "pc.pip@police.test",
  displayName: "PC Pip",
  role: "officer",
  password: "e2e officer password",
} as const satisfies NewOfficer;

E2E_OFFICERS.push(PHONE_OFFICER);

export const ENDING_OFFICER = {
  email: "pc.ned@police.test",
  displayName: "PC Ned",
  role: "officer",
  password: "e2e officer password",
} as const satisfies NewOfficer;

E2E_OFFICERS.push(ENDING_OFFICER);

/** For more-time.test.ts: an officer who gives a victim who must step away more time. */
export const MORE_TIME_OFFICER = {
  email: "pc.moe@police.test",
  displayName: "PC Moe",
  role: "officer",
  password: "e2e officer password",
} as const satisfies NewOfficer;

E2E_OFFICERS.push(MORE_TIME_OFFICER);

/** For supervision.test.ts: a supervisor who watches two officers' chats and sends one of them a private message. */
export const SUPERVISION_SUPERVISOR = {
  email: "sgt.uma@police.test",
  displayName: "Sgt Uma",
  role: "supervisor",
  password: "e2e supervisor password",
} as const satisfies NewOfficer;

export const SUPERVISED_OFFICER_ABE = {
  email: "pc.abe@police.test",
  displayName: "PC Abe",
  role: "officer",
  password: "e2e officer password",
} as const satisfies NewOfficer;

export const SUPERVISED_OFFICER_ZED = {
  email: "pc.zed@police.test",
  displayName: "PC Zed",
  role: "officer",
  password: "e2e officer password",
} as const satisfies NewOfficer;

E2E_OFFICERS.push(SUPERVISION_SUPERVISOR, SUPERVISED_OFFICER_ABE, SUPERVISED_OFFICER_ZED);

/** For quick-replies.test.ts: an officer who calls quick replies from the message box. */
export const QUICK_REPLY_OFFICER = {
  email: "pc.quinn@police.test",
  displayName: "PC Quinn",
  role: "officer",
  password: "e2e officer password",
} as const satisfies NewOfficer;

E2E_OFFICERS.push(QUICK_REPLY_OFFICER);

/** For chat-tabs.test.ts: an officer juggling chats, who hears each cue and turns on desktop notifications. */
export const TABS_OFFICER = {
  email: "pc.tabitha@police.test",
  displayName: "PC Tabitha",
  role: "officer",
  password: "e2e officer password",
} as const satisfies NewOfficer;

E2E_OFFICERS.push(TABS_OFFICER);

/** For wrap-up.test.ts: an officer whose chat ends by a quick exit and is wrapped up. */
export const WRAP_UP_OFFICER = {
  email: "pc.wren@police.test",
  displayName: "PC Wren",
  role: "officer",
  password: "e2e officer password",
} as const satisfies NewOfficer;

E2E_OFFICERS.push(WRAP_UP_OFFICER);

/** For console-layout.test.ts: an officer working on a laptop screen and on a phone-width window. */
export const LAYOUT_OFFICER = {
  email: "pc.lark@police.test",
  displayName: "PC Lark",
  role: "officer",
  password: "e2e officer password",
} as const satisfies NewOfficer;

E2E_OFFICERS.push(LAYOUT_OFFICER);

/** For risk-cues.test.ts: an officer who sees a raised chat's risk cues and links one to DASH. */
export const RISK_CUE_OFFICER = {
  email: "pc.rio@police.test",
  displayName: "PC Rio",
  role: "officer",
  password: "e2e officer password",
} as const satisfies NewOfficer;

E2E_OFFICERS.push(RISK_CUE_OFFICER);
