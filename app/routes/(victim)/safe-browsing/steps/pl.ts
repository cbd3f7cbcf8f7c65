import type { BrowserSteps } from "./en";

/** Polish. Machine-quality draft: to be reviewed by a native speaker before use with victims. */
export const steps: BrowserSteps = {
  chrome: "Karta prywatna: ⋮ → Nowa karta incognito. Aby potem usunąć tę stronę: ⋮ → Historia, a następnie ✕ obok każdego wpisu tej strony.",
  samsung: "Karta prywatna: Karty → Włącz tryb tajny. Aby potem usunąć tę stronę: ≡ → Historia, przytrzymaj wpis tej strony → Usuń.",
  safari: "Karta prywatna: Karty → Prywatne. Aby potem usunąć tę stronę: Zakładki (ikona książki) → Historia (zegar), przesuń w lewo każdy wpis tej strony → Usuń.",
  allHistory: "Usuń tylko tę stronę, nie całą historię: pusta historia albo wylogowanie ze wszystkich stron może samo w sobie wzbudzić podejrzenia.",
};
