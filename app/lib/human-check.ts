/**
 * Cloudflare Turnstile on the pages, when the deployment turns it on (GET /api/human-check
 * gives the site key). Nothing is fetched from Cloudflare until someone presses "Start chat"
 * or "Sign in": until then the page talks to this service only. The widget's script is
 * loaded once, rendered into the element given, and removed once it has given its token.
 */
import type { HumanCheckSettings } from "$shared/protocol";
import { api } from "./api";

const SCRIPT_URL = "https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit";

/** The part of Turnstile's documented client API used here. */
interface Turnstile {
  render(
    container: HTMLElement,
    options: {
      sitekey: string;
      action: string;
      language?: string;
      theme?: "light" | "dark" | "auto";
      size?: "normal" | "flexible" | "compact";
      callback: (token: string) => void;
      "error-callback": () => void;
      "expired-callback": () => void;
      "timeout-callback": () => void;
    },
  ): string | undefined;
  remove(widgetId: string): void;
}

declare global {
  interface Window {
    turnstile?: Turnstile;
  }
}

let settings: Promise<HumanCheckSettings> | undefined;
let script: Promise<Turnstile> | undefined;

/** Whether this deployment asks for Turnstile, and its site key. Asked once per page. */
export function humanCheckSettings(): Promise<HumanCheckSettings> {
  settings ??= api<HumanCheckSettings>("/human-check").catch((error) => {
    settings = undefined;
    throw error;
  });
  return settings;
}

function loadScript(): Promise<Turnstile> {
  script ??= new Promise<Turnstile>((resolve, reject) => {
    const element = document.createElement("script");
    element.src = SCRIPT_URL;
    element.async = true;
    element.referrerPolicy = "no-referrer";
    element.onload = () => (window.turnstile ? resolve(window.turnstile) : reject(new Error("Turnstile did not load")));
    element.onerror = () => reject(new Error("Turnstile could not be loaded"));
    document.head.append(element);
  }).catch((error: unknown) => {
    script = undefined;
    throw error;
  });
  return script;
}

/**
 * A Turnstile token for `action`, or undefined when the deployment does not ask for one.
 * Rejects if the check cannot be loaded or does not pass.
 */
export async function humanCheckToken(
  container: HTMLElement,
  action: "start-chat" | "sign-in",
  options: { language?: string; onChecking?: () => void } = {},
): Promise<string | undefined> {
  const { siteKey } = await humanCheckSettings();
  if (!siteKey) return undefined;
  options.onChecking?.();
  const language = options.language;
  const turnstile = await loadScript();
  return new Promise<string>((resolve, reject) => {
    let widget: string | undefined;
    const finish = (settle: () => void) => {
      settle();
      // Removed after its own callback has returned, never from inside it.
      setTimeout(() => widget !== undefined && turnstile.remove(widget), 0);
    };
    const failed = () => finish(() => reject(new Error("The check did not pass")));
    widget = turnstile.render(container, {
      sitekey: siteKey,
      action,
      ...(language ? { language } : {}),
      theme: "light",
      size: "flexible",
      callback: (token) => finish(() => resolve(token)),
      "error-callback": failed,
      "expired-callback": failed,
      "timeout-callback": failed,
    });
  });
}
