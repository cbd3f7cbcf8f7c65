/**
 * What a deployment may set for the victim's page, at build time (see README "What is
 * configured where"): where Quick exit goes, and the neutral title the tab shows.
 */
const env = import.meta.env as Record<string, string | undefined>;

export const NEUTRAL_SITE = env.VITE_QUICK_EXIT_URL || "https://www.bbc.co.uk/weather";
export const PAGE_TITLE = env.VITE_PAGE_TITLE || "Chat";
