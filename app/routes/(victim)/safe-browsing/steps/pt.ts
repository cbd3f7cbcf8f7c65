import type { BrowserSteps } from "./en";

/** Portuguese. Machine-quality draft: to be reviewed by a native speaker before use with victims. */
export const steps: BrowserSteps = {
  chrome: "Separador privado: ⋮ → Novo separador de navegação anónima. Para remover este site depois: ⋮ → Histórico e ✕ ao lado de cada entrada deste site.",
  samsung: "Separador privado: Separadores → Ativar Modo secreto. Para remover este site depois: ≡ → Histórico, mantenha premida uma entrada deste site → Eliminar.",
  safari: "Separador privado: Separadores → Privado. Para remover este site depois: Favoritos (ícone do livro) → Histórico (relógio), deslize para a esquerda em cada entrada deste site → Apagar.",
  allHistory: "Remova só este site, não todo o histórico: um histórico vazio, ou ter a sessão terminada em todos os sites, pode por si só levantar suspeitas.",
};
