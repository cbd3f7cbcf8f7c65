/**
 * The chat's code, kept out of the victim page's first load: the live connection (with the
 * socket and the protocol's checks) and the panel that shows it. Fetched together, once, when
 * the victim first touches or types on the page, or at the latest when a chat starts or resumes
 * (app/lib/victim/victim-chat.svelte.ts). The console imports both directly.
 */
type ClientCode = typeof import("./conversation-client.svelte");
type PanelCode = typeof import("./ChatPanel.svelte");

let client: Promise<ClientCode> | undefined;
let panel: Promise<PanelCode> | undefined;

/** A failed fetch (offline) is forgotten, so the next call tries again. */
function retryable<T>(load: () => Promise<T>, clear: () => void): Promise<T> {
  return load().catch((error: unknown) => {
    clear();
    throw error;
  });
}

export function loadChatPanel(): Promise<PanelCode> {
  panel ??= retryable(() => import("./ChatPanel.svelte"), () => (panel = undefined));
  return panel;
}

export function loadConversationClient(): Promise<ClientCode> {
  client ??= retryable(() => import("./conversation-client.svelte"), () => (client = undefined));
  return client;
}

/** Both, in parallel; resolves to the client's module once the panel's is here too. */
export async function loadChatCode(): Promise<ClientCode> {
  const [code] = await Promise.all([loadConversationClient(), loadChatPanel()]);
  return code;
}
