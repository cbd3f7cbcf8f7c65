import type { BrowserSteps } from "./en";

/** Lithuanian. Machine-quality draft: to be reviewed by a native speaker before use with victims. */
export const steps: BrowserSteps = {
  chrome: "Privatus skirtukas: ⋮ → Naujas inkognito skirtukas. Kad vėliau pašalintumėte šią svetainę: ⋮ → Istorija, tada ✕ prie kiekvieno šios svetainės įrašo.",
  samsung: "Privatus skirtukas: Skirtukai → Įjungti slaptąjį režimą. Kad vėliau pašalintumėte šią svetainę: ≡ → Istorija, palaikykite paspaudę šios svetainės įrašą → Ištrinti.",
  safari: "Privatus skirtukas: Skirtukai → Privatus. Kad vėliau pašalintumėte šią svetainę: Žymės (knygos piktograma) → Istorija (laikrodis), braukite kairėn kiekvieną šios svetainės įrašą → Ištrinti.",
  allHistory: "Pašalinkite tik šią svetainę, ne visą istoriją: tuščia istorija arba atsijungimas nuo visų svetainių pats gali sukelti įtarimą.",
};
