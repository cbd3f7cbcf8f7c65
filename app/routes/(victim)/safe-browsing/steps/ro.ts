import type { BrowserSteps } from "./en";

/** Romanian. Machine-quality draft: to be reviewed by a native speaker before use with victims. */
export const steps: BrowserSteps = {
  chrome: "Filă privată: ⋮ → Filă incognito nouă. Ca să ștergeți apoi acest site: ⋮ → Istoric, apoi ✕ lângă fiecare intrare a acestui site.",
  samsung: "Filă privată: File → Activați modul Secret. Ca să ștergeți apoi acest site: ≡ → Istoric, țineți apăsat pe o intrare a site-ului → Ștergeți.",
  safari: "Filă privată: File → Privat. Ca să ștergeți apoi acest site: Marcaje (iconița carte) → Istoric (ceas), glisați spre stânga pe fiecare intrare a site-ului → Ștergeți.",
  allHistory: "Ștergeți doar acest site, nu tot istoricul: un istoric gol sau faptul că ați fost deconectat de pe toate site-urile poate trezi, în sine, suspiciuni.",
};
