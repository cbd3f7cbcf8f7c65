/** The victim page's current language and its words. Nothing about it is stored. */
import { en, type MessageKey, type Messages } from "./en";
import { LANGUAGES, type Language } from "./languages";

class Translator {
  language = $state<Language>(LANGUAGES[0]!);
  messages = $state<Messages>(en);
  loading = $state(false);

  async use(tag: string): Promise<void> {
    const language = LANGUAGES.find((l) => l.tag === tag) ?? LANGUAGES[0]!;
    this.loading = true;
    try {
      this.messages = await language.load();
      this.language = language;
    } catch {
      // A chunk that cannot load (offline): keep the words already shown.
    } finally {
      this.loading = false;
    }
    document.documentElement.lang = this.language.tag;
    document.documentElement.dir = this.language.dir;
  }

  /** The words for `key`, with `{name}` placeholders filled in. */
  t(key: MessageKey, values: Record<string, string | number> = {}): string {
    return fill(this.messages[key], values);
  }
}

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export const i18n = new Translator();
