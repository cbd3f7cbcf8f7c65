import type { BrowserSteps } from "./en";

/** Somali. Machine-quality draft: to be reviewed by a native speaker before use with victims. */
export const steps: BrowserSteps = {
  chrome: "Tab qarsoodi ah: ⋮ → Tab Incognito cusub. Si aad markaas kadib u tirtirto boggan: ⋮ → Taariikhda, kadibna ✕ agtiisa gelitaan kasta oo boggan ah.",
  samsung: "Tab qarsoodi ah: Tabs → Daar Secret mode. Si aad markaas kadib u tirtirto boggan: ≡ → Taariikhda, ku hay farta gelitaan boggan ah → Tirtir.",
  safari: "Tab qarsoodi ah: Tabs → Private. Si aad markaas kadib u tirtirto boggan: Bookmarks (astaanta buugga) → Taariikhda (saacadda), bidix u jiid gelitaan kasta oo boggan ah → Delete.",
  allHistory: "Tirtir boggan oo keliya, ha tirtirin taariikhda oo dhan: taariikh madhan, ama in lagaa saaro bog kasta, laftigeedu qof ayay shaki gelin kartaa.",
};
