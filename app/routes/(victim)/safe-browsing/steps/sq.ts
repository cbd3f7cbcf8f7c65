import type { BrowserSteps } from "./en";

/** Albanian. Machine-quality draft: to be reviewed by a native speaker before use with victims. */
export const steps: BrowserSteps = {
  chrome: "Skedë private: ⋮ → Skedë e re inkognito. Për ta hequr më pas këtë faqe: ⋮ → Historiku, pastaj ✕ pranë çdo hyrjeje të kësaj faqeje.",
  samsung: "Skedë private: Skedat → Aktivizo modalitetin e fshehtë. Për ta hequr më pas këtë faqe: ≡ → Historiku, mbani shtypur një hyrje të kësaj faqeje → Fshi.",
  safari: "Skedë private: Skedat → Private. Për ta hequr më pas këtë faqe: Faqerojtësit (ikona e librit) → Historiku (ora), rrëshqitni majtas mbi çdo hyrje të kësaj faqeje → Fshi.",
  allHistory: "Hiqni vetëm këtë faqe, jo gjithë historikun: një historik bosh, ose të qenit i shkëputur nga çdo faqe, mund të ngjallë vetë dyshime.",
};
