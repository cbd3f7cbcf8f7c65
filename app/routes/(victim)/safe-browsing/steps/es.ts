import type { BrowserSteps } from "./en";

/** Spanish. Machine-quality draft: to be reviewed by a native speaker before use with victims. */
export const steps: BrowserSteps = {
  chrome: "Pestaña privada: ⋮ → Nueva pestaña de incógnito. Para borrar este sitio después: ⋮ → Historial y ✕ junto a cada entrada de este sitio.",
  samsung: "Pestaña privada: Pestañas → Activar modo Secreto. Para borrar este sitio después: ≡ → Historial, mantén pulsada una entrada de este sitio → Eliminar.",
  safari: "Pestaña privada: Pestañas → Privado. Para borrar este sitio después: Marcadores (icono del libro) → Historial (reloj), desliza a la izquierda cada entrada de este sitio → Eliminar.",
  allHistory: "Borra solo este sitio, no todo el historial: un historial vacío, o haber cerrado sesión en todos los sitios, puede por sí mismo levantar sospechas.",
};
