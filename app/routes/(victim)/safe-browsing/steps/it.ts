import type { BrowserSteps } from "./en";

/** Italian. Machine-quality draft: to be reviewed by a native speaker before use with victims. */
export const steps: BrowserSteps = {
  chrome: "Scheda privata: ⋮ → Nuova scheda di navigazione in incognito. Per eliminare poi questo sito: ⋮ → Cronologia, poi ✕ accanto a ogni voce di questo sito.",
  samsung: "Scheda privata: Schede → Attiva modalità Segreta. Per eliminare poi questo sito: ≡ → Cronologia, tieni premuta una voce di questo sito → Elimina.",
  safari: "Scheda privata: Pannelli → Privata. Per eliminare poi questo sito: Preferiti (icona del libro) → Cronologia (orologio), scorri a sinistra su ogni voce di questo sito → Elimina.",
  allHistory: "Elimina solo questo sito, non tutta la cronologia: una cronologia vuota, o essere disconnessi da ogni sito, può di per sé destare sospetti.",
};
