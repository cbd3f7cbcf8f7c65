/**
 * The languages the victim's page speaks, each named in its own script, with its direction.
 * English is built in; the others load on demand so a visitor downloads only their own.
 */
import type { Messages } from "./en";

export interface Language {
  tag: string;
  /** The language's name in its own script. */
  name: string;
  dir: "ltr" | "rtl";
  load: () => Promise<Messages>;
}

export const LANGUAGES: readonly Language[] = [
  { tag: "en", name: "English", dir: "ltr", load: () => import("./en").then((m) => m.en) },
  { tag: "pl", name: "Polski", dir: "ltr", load: () => import("./pl").then((m) => m.pl) },
  { tag: "ro", name: "Română", dir: "ltr", load: () => import("./ro").then((m) => m.ro) },
  { tag: "pa", name: "ਪੰਜਾਬੀ", dir: "ltr", load: () => import("./pa").then((m) => m.pa) },
  { tag: "ur", name: "اردو", dir: "rtl", load: () => import("./ur").then((m) => m.ur) },
  { tag: "pt", name: "Português", dir: "ltr", load: () => import("./pt").then((m) => m.pt) },
  { tag: "es", name: "Español", dir: "ltr", load: () => import("./es").then((m) => m.es) },
  { tag: "ar", name: "العربية", dir: "rtl", load: () => import("./ar").then((m) => m.ar) },
  { tag: "bn", name: "বাংলা", dir: "ltr", load: () => import("./bn").then((m) => m.bn) },
  { tag: "gu", name: "ગુજરાતી", dir: "ltr", load: () => import("./gu").then((m) => m.gu) },
  { tag: "lt", name: "Lietuvių", dir: "ltr", load: () => import("./lt").then((m) => m.lt) },
  { tag: "cy", name: "Cymraeg", dir: "ltr", load: () => import("./cy").then((m) => m.cy) },
  { tag: "so", name: "Soomaali", dir: "ltr", load: () => import("./so").then((m) => m.so) },
];

/** The first of the browser's languages that the page speaks, else English. */
export function preferredLanguage(browserLanguages: readonly string[]): Language {
  for (const wanted of browserLanguages) {
    const base = wanted.toLowerCase().split("-")[0];
    const match = LANGUAGES.find((l) => l.tag === base);
    if (match) return match;
  }
  return LANGUAGES[0]!;
}
