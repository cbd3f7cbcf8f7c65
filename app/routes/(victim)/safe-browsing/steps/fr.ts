import type { BrowserSteps } from "./en";

/** French. Machine-quality draft: to be reviewed by a native speaker before use with victims. */
export const steps: BrowserSteps = {
  chrome: "Onglet privé : ⋮ → Nouvel onglet de navigation privée. Pour effacer ensuite ce site : ⋮ → Historique, puis ✕ à côté de chaque entrée de ce site.",
  samsung: "Onglet privé : Onglets → Activer le mode Secret. Pour effacer ensuite ce site : ≡ → Historique, appui long sur une entrée de ce site → Supprimer.",
  safari: "Onglet privé : Onglets → Navigation privée. Pour effacer ensuite ce site : Signets (icône livre) → Historique (horloge), balayez vers la gauche chaque entrée de ce site → Supprimer.",
  allHistory: "Effacez seulement ce site, pas tout l’historique : un historique vide, ou être déconnecté de tous les sites, peut en soi éveiller des soupçons.",
};
