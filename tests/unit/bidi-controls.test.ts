import { describe, expect, it } from "vitest";
import { shownControls, withVisibleControls, writtenParts } from "../../worker/shared/bidi-controls";

/** What was written, put back together from the parts: nothing may be lost or moved. */
const rejoined = (text: string) =>
  writtenParts(text)
    .map((part) => (part.kind === "text" ? part.text : part.control.char))
    .join("");

describe("hidden direction characters, as staff are shown them", () => {
  it("shows a right-to-left override as a marker, with the words after it in the order they were written", () => {
    // In a browser this reads "I am now safe he told me to go away".
    const written = "I am now safe \u202Eyawa og ot em dlot eh";
    expect(withVisibleControls(written)).toBe("I am now safe \u2039RLO\u203Ayawa og ot em dlot eh");
    expect(writtenParts(written)).toEqual([
      { kind: "text", text: "I am now safe " },
      { kind: "control", control: { char: "\u202E", abbreviation: "RLO", name: "right-to-left override", codePoint: "U+202E" } },
      { kind: "text", text: "yawa og ot em dlot eh" },
    ]);
  });

  it("shows every embedding, override and isolate, in Latin and in Arabic text alike", () => {
    const controls = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"];
    const abbreviations = ["LRE", "RLE", "PDF", "LRO", "RLO", "LRI", "RLI", "FSI", "PDI"];
    for (const around of ["call 0113 496 0000", "اتصل بي"]) {
      const written = controls.map((c) => `${around}${c}`).join(" ");
      expect(shownControls(written).map((c) => c.abbreviation)).toEqual(abbreviations);
      expect(withVisibleControls(written)).toBe(abbreviations.map((a) => `${around}\u2039${a}\u203A`).join(" "));
    }
  });

  it("keeps the direction marks working in right-to-left text, where keyboards put them", () => {
    const arabic = "عمري\u200F 34 سنة\u061C، وأسكن في Leeds\u200E.";
    expect(withVisibleControls(arabic)).toBe(arabic);
    expect(shownControls(arabic)).toEqual([]);
  });

  it("shows the direction marks in a paragraph with no right-to-left text, where they can only move numbers", () => {
    // In a browser this reads "0000 496 0113", right-aligned.
    expect(withVisibleControls("\u200F0113 496 0000")).toBe("\u2039RLM\u203A0113 496 0000");
    expect(withVisibleControls("Flat \u061C12 34 King St\u200E")).toBe("Flat \u2039ALM\u203A12 34 King St\u2039LRM\u203A");
    // Each paragraph is judged on its own, as each is laid out on its own.
    expect(withVisibleControls("سلام\u200F\nHi\u200F")).toBe("سلام\u200F\nHi\u2039RLM\u203A");
  });

  it("leaves text without them as it is, and loses nothing of what was written", () => {
    for (const text of ["", "Plain words.", "Line one\r\nline two", "\u202E\u202E", "a\u2029\u200Fb", "😀 عربي \u2067x\u2069"]) {
      expect(rejoined(text)).toBe(text);
    }
    expect(withVisibleControls("He said سلام 123 today")).toBe("He said سلام 123 today");
  });
});
