/**
 * Languages' names in English for staff and the record ("Polish" for "pl"), from the platform's
 * own data (Intl.DisplayNames): the console, the Records page, the dashboard and the PDF all
 * call a language the same. Farsi keeps the name UK police and interpreting services use.
 */
const PREFERRED: Readonly<Record<string, string>> = { fa: "Farsi" };

let names: Intl.DisplayNames | null | undefined;

/** The name of `tag`; `unknown` when there is none; the tag itself when it has no name. */
export function languageName(tag: string | null, unknown = "Not chosen"): string {
  if (!tag) return unknown;
  if (PREFERRED[tag]) return PREFERRED[tag];
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames(["en"], { type: "language", fallback: "code" });
    } catch {
      names = null;
    }
  }
  try {
    return names?.of(tag) ?? tag;
  } catch {
    // Not a well-formed language tag: show what was stored.
    return tag;
  }
}
