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
  { tag: "uk", name: "Українська", dir: "ltr", load: () => import("./uk").then((m) => m.uk) },
  { tag: "ru", name: "Русский", dir: "ltr", load: () => import("./ru").then((m) => m.ru) },
  { tag: "fa", name: "فارسی", dir: "rtl", load: () => import("./fa").then((m) => m.fa) },
  { tag: "tr", name: "Türkçe", dir: "ltr", load: () => import("./tr").then((m) => m.tr) },
  { tag: "zh-Hans", name: "简体中文", dir: "ltr", load: () => import("./zh-hans").then((m) => m.zhHans) },
  { tag: "zh-Hant", name: "繁體中文", dir: "ltr", load: () => import("./zh-hant").then((m) => m.zhHant) },
  { tag: "it", name: "Italiano", dir: "ltr", load: () => import("./it").then((m) => m.it) },
  { tag: "fr", name: "Français", dir: "ltr", load: () => import("./fr").then((m) => m.fr) },
  { tag: "bg", name: "Български", dir: "ltr", load: () => import("./bg").then((m) => m.bg) },
  { tag: "ta", name: "தமிழ்", dir: "ltr", load: () => import("./ta").then((m) => m.ta) },
  { tag: "hu", name: "Magyar", dir: "ltr", load: () => import("./hu").then((m) => m.hu) },
  { tag: "sq", name: "Shqip", dir: "ltr", load: () => import("./sq").then((m) => m.sq) },
  { tag: "ckb", name: "کوردیی ناوەندی", dir: "rtl", load: () => import("./ckb").then((m) => m.ckb) },
  { tag: "ti", name: "ትግርኛ", dir: "ltr", load: () => import("./ti").then((m) => m.ti) },
];

/**
 * The first of the browser's languages that the page speaks, else English. Chinese goes by its
 * script, which the browser names or implies by region: zh-CN and zh-SG are Simplified, zh-TW,
 * zh-HK and zh-MO Traditional.
 */
export function preferredLanguage(browserLanguages: readonly string[]): Language {
  for (const wanted of browserLanguages) {
    const tag = pageTag(wanted);
    const match = LANGUAGES.find((l) => l.tag === tag);
    if (match) return match;
  }
  return LANGUAGES[0]!;
}

function pageTag(browserTag: string): string {
  const [base = "", ...rest] = browserTag.toLowerCase().split("-");
  if (base !== "zh") return base;
  return rest.some((part) => ["hant", "tw", "hk", "mo"].includes(part)) ? "zh-Hant" : "zh-Hans";
}
