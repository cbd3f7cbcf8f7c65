import type { BrowserSteps } from "./en";

/** Hungarian. Machine-quality draft: to be reviewed by a native speaker before use with victims. */
export const steps: BrowserSteps = {
  chrome: "Privát lap: ⋮ → Új inkognitó lap. Hogy utána törölje ezt az oldalt: ⋮ → Előzmények, majd ✕ az oldal minden bejegyzése mellett.",
  samsung: "Privát lap: Lapok → Titkos mód bekapcsolása. Hogy utána törölje ezt az oldalt: ≡ → Előzmények, tartsa lenyomva az oldal egy bejegyzését → Törlés.",
  safari: "Privát lap: Lapok → Privát. Hogy utána törölje ezt az oldalt: Könyvjelzők (könyv ikon) → Előzmények (óra), húzza balra az oldal minden bejegyzését → Törlés.",
  allHistory: "Csak ezt az oldalt törölje, ne a teljes előzményt: az üres előzmény vagy az, hogy minden oldalról ki van jelentkezve, már önmagában gyanút kelthet.",
};
