import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../worker/translation/detect";

describe("telling which language a message is in", () => {
  it.each([
    ["Potrzebuję pomocy, on jest w domu", "pl"],
    ["Vă rog, am nevoie de ajutor acum", "ro"],
    ["Man reikia pagalbos, jis yra namuose", "lt"],
    ["Não estou segura, preciso de ajuda", "pt"],
    ["Necesito ayuda, por favor", "es"],
    ["I need help, he is at home", "en"],
    ["ਮੈਨੂੰ ਮਦਦ ਚਾਹੀਦੀ ਹੈ", "pa"],
    ["મને મદદ જોઈએ છે", "gu"],
    ["আমার সাহায্য দরকার", "bn"],
    ["مجھے مدد چاہیے", "ur"],
    ["أحتاج إلى مساعدة", "ar"],
    ["Waan u baahanahay caawimaad, fadlan", "so"],
  ])("%s → %s", (text, language) => {
    expect(detectLanguage(text, null)).toBe(language);
  });

  it("falls back to the language the victim chose when the text cannot tell", () => {
    expect(detectLanguage("ok", "pl")).toBe("pl");
    expect(detectLanguage("12:30", "ro")).toBe("ro");
  });

  it("follows a victim who switches language mid-chat, whatever they chose", () => {
    expect(detectLanguage("Necesito ayuda, por favor", "pl")).toBe("es");
  });
});
