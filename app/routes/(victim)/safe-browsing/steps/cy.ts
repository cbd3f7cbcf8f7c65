import type { BrowserSteps } from "./en";

/** Welsh. Machine-quality draft: to be reviewed by a native speaker before use with victims. */
export const steps: BrowserSteps = {
  chrome: "Tab preifat: ⋮ → Tab Incognito newydd. I dynnu'r wefan hon wedyn: ⋮ → Hanes, yna ✕ wrth bob cofnod ar gyfer y wefan hon.",
  samsung: "Tab preifat: Tabiau → Troi'r modd Cyfrinachol ymlaen. I dynnu'r wefan hon wedyn: ≡ → Hanes, pwyswch a dal cofnod ar gyfer y wefan hon → Dileu.",
  safari: "Tab preifat: Tabiau → Preifat. I dynnu'r wefan hon wedyn: Nodau tudalen (eicon llyfr) → Hanes (cloc), llithrwch i'r chwith ar bob cofnod ar gyfer y wefan hon → Dileu.",
  allHistory: "Tynnwch y wefan hon yn unig, nid eich holl hanes: gall hanes gwag, neu gael eich allgofnodi o bob gwefan, wneud rhywun yn amheus ynddo'i hun.",
};
