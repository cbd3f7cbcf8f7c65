/**
 * What a deployment may set for the victim's page, at build time (see README "What is
 * configured where"): where Quick exit goes, the neutral title the tab shows, and the neutral
 * name on the other side's messages.
 */
const env = import.meta.env as Record<string, string | undefined>;

export const NEUTRAL_SITE = env.VITE_QUICK_EXIT_URL || "https://www.bbc.co.uk/weather";
export const PAGE_TITLE = env.VITE_PAGE_TITLE || "Chat";
/**
 * The name on the officer's messages, shown as written in every language. Unset, the page
 * says "Support" in the victim's language (the `sender` words in app/lib/i18n/).
 */
export const SENDER_LABEL = env.VITE_SENDER_LABEL || null;
