/**
 * Short messages written for the purpose of testing risk cues, in English, Polish, Urdu and
 * Arabic (with English translations), each labelled with the indicators a reader would mark in
 * it and the words that show each. Ordinary messages, denials ("he never hit me") and everyday
 * turns of phrase ("I could kill for a coffee") are here too, to count false alarms.
 *
 * `TUNING` is what the word lists were built against (tests/unit/risk-cues.test.ts holds every
 * one); `HELD_OUT` was written before the lists were tried on it and is never tuned against, so
 * the benchmark's figures for it say how the lists do on words they were not fitted to.
 */
import type { IndicatorId } from "../../worker/shared/risk-indicators.ts";

export interface CueExample {
  language: "en" | "pl" | "ur" | "ar" | "uk";
  text: string;
  /** The English translation, as the service would show it. */
  translation?: string;
  /** Indicator → the words expected to show it (in the original, or in the translation when marked so). */
  cues: Partial<Record<IndicatorId, string>>;
}

export const TUNING: readonly CueExample[] = [
  // English
  { language: "en", text: "he has a knife and says he will kill me tonight", cues: { weapon: "knife", "threat-to-kill": "kill me" } },
  { language: "en", text: "Last week he put his hands round my neck and I couldn't breathe", cues: { strangulation: "hands round my neck" } },
  { language: "en", text: "He threatened to kill the kids if I call anyone", cues: { "threat-to-kill": "threatened to kill", "children-threatened": "threatened to kill the kids" } },
  { language: "en", text: "I'm 20 weeks pregnant", cues: { pregnancy: "pregnant" } },
  { language: "en", text: "I left him in March but he keeps turning up at my work", cues: { separation: "left him", stalking: "keeps turning up" } },
  { language: "en", text: "It's getting worse every week", cues: { escalation: "getting worse" } },
  { language: "en", text: "He forced me to have sex when I said no", cues: { "sexual-violence": "forced me to have sex" } },
  { language: "en", text: "He won't let me see my family and he took my phone", cues: { isolation: "won't let me see my family", control: "took my phone" } },
  { language: "en", text: "Sometimes I want to die", cues: { "suicidal-thoughts": "want to die" } },
  { language: "en", text: "My brothers said they will kill me for bringing shame on the family", cues: { "threat-to-kill": "kill me", "honour-based": "bringing shame" } },
  { language: "en", text: "He hit my son yesterday", cues: { "children-hurt": "hit my son" } },
  { language: "en", text: "He has never choked me", cues: {} },
  { language: "en", text: "He never hit me, it's all words", cues: {} },
  { language: "en", text: "I could kill for a coffee right now", cues: {} },
  { language: "en", text: "Hello, is anyone there?", cues: {} },
  { language: "en", text: "I'm not pregnant", cues: {} },
  { language: "en", text: "My feet are killing me from the walk", cues: {} },
  // Polish
  { language: "pl", text: "Powiedział, że mnie zabije", translation: "He said he would kill me", cues: { "threat-to-kill": "mnie zabije" } },
  { language: "pl", text: "Ma nóż w kuchni i mi nim grozi", translation: "He has a knife in the kitchen and threatens me with it", cues: { weapon: "nóż" } },
  { language: "pl", text: "Dusił mnie wczoraj", translation: "He strangled me yesterday", cues: { strangulation: "Dusił" } },
  { language: "pl", text: "Jestem w ciąży", translation: "I am pregnant", cues: { pregnancy: "w ciąży" } },
  { language: "pl", text: "Jest coraz gorzej", translation: "It is getting worse", cues: { escalation: "coraz gorzej" } },
  { language: "pl", text: "Ciągle dzwoni i czeka pod domem", translation: "He keeps calling and waits outside the house", cues: { stalking: "Ciągle dzwoni" } },
  { language: "pl", text: "Nie pozwala mi widywać się z rodziną", translation: "He does not let me see my family", cues: { isolation: "Nie pozwala mi widywać" } },
  { language: "pl", text: "Zabrał mi telefon i pieniądze", translation: "He took my phone and money", cues: { control: "Zabrał mi telefon" } },
  { language: "pl", text: "Nigdy mnie nie dusił", translation: "He never strangled me", cues: {} },
  { language: "pl", text: "Dzień dobry, potrzebuję porady", translation: "Good morning, I need advice", cues: {} },
  // Urdu
  { language: "ur", text: "وہ کہتا ہے کہ مجھے جان سے مار دے گا", translation: "He says he will kill me", cues: { "threat-to-kill": "جان سے مار" } },
  { language: "ur", text: "اس کے پاس چاقو ہے", translation: "He has a knife", cues: { weapon: "چاقو" } },
  { language: "ur", text: "اس نے میرا گلا دبایا", translation: "He strangled me", cues: { strangulation: "گلا دبایا" } },
  { language: "ur", text: "میں حاملہ ہوں", translation: "I am pregnant", cues: { pregnancy: "حاملہ" } },
  { language: "ur", text: "میرے گھر والے زبردستی کی شادی کروانا چاہتے ہیں", translation: "My family want to force me into a marriage", cues: { "honour-based": "زبردستی کی شادی" } },
  { language: "ur", text: "وہ میرا پیچھا کرتا ہے", translation: "He follows me", cues: { stalking: "پیچھا کرتا" } },
  { language: "ur", text: "اس نے کبھی گلا نہیں دبایا", translation: "He never strangled me", cues: {} },
  { language: "ur", text: "السلام علیکم، مجھے مدد چاہیے", translation: "Hello, I need help", cues: {} },
  // Arabic
  { language: "ar", text: "قال إنه سيقتلني الليلة", translation: "He said he will kill me tonight", cues: { "threat-to-kill": "سيقتلني" } },
  { language: "ar", text: "هددني بالسكين", translation: "He threatened me with the knife", cues: { weapon: "بالسكين" } },
  { language: "ar", text: "خنقني حتى لم أستطع التنفس", translation: "He choked me until I could not breathe", cues: { strangulation: "خنقني" } },
  { language: "ar", text: "أنا حامل في الشهر الخامس", translation: "I am five months pregnant", cues: { pregnancy: "حامل" } },
  { language: "ar", text: "هدد بأخذ الأطفال وإيذائهم", translation: "He threatened to take the children and hurt them", cues: { "children-threatened": "هدد بأخذ الأطفال" } },
  { language: "ar", text: "عائلتي تقول إنني جلبت العار", translation: "My family says I brought shame", cues: { "honour-based": "العار" } },
  { language: "ar", text: "يراقبني طول الوقت", translation: "He watches me all the time", cues: { stalking: "يراقبني" } },
  { language: "ar", text: "لم يخنقني أبدا", translation: "He never choked me", cues: {} },
  { language: "ar", text: "مرحبا، أحتاج إلى مساعدة", translation: "Hello, I need help", cues: {} },
  // Read through its translation: Ukrainian has no list of its own.
  { language: "uk", text: "У нього є пістолет, і він погрожує мені", translation: "He has a gun and threatens me", cues: { weapon: "gun" } },
];

export const HELD_OUT: readonly CueExample[] = [
  { language: "en", text: "he grabbed me by the throat and squeezed", cues: { strangulation: "grabbed me by the throat" } },
  { language: "en", text: "he said if I leave he'll stab me", cues: { weapon: "stab" } },
  { language: "en", text: "I think I'm expecting, I haven't told him", cues: { pregnancy: "expecting" } },
  { language: "en", text: "he reads all my messages and tracks my phone", cues: { control: "reads all my messages", stalking: "tracks my phone" } },
  { language: "en", text: "I don't know what to do, I just want it to stop", cues: {} },
  { language: "en", text: "the kids are asleep upstairs", cues: {} },
  { language: "en", text: "that film was killer", cues: {} },
  { language: "en", text: "he's going to murder me when he finds out", cues: { "threat-to-kill": "murder me" } },
  { language: "pl", text: "Groził mi śmiercią", translation: "He threatened me with death", cues: { "threat-to-kill": "Groził mi śmiercią" } },
  { language: "pl", text: "Uderzył syna w twarz", translation: "He hit our son in the face", cues: { "children-hurt": "Uderzył syna" } },
  { language: "pl", text: "Nie mam gdzie iść", translation: "I have nowhere to go", cues: {} },
  { language: "ur", text: "وہ بچوں کو بھی مارتا ہے", translation: "He hits the children too", cues: { "children-hurt": "بچوں کو بھی مارتا" } },
  { language: "ur", text: "میں بہت ڈری ہوئی ہوں", translation: "I am very scared", cues: {} },
  { language: "ar", text: "اغتصبني زوجي", translation: "My husband raped me", cues: { "sexual-violence": "اغتصبني" } },
  { language: "ar", text: "أخذ جواز سفري", translation: "He took my passport", cues: { control: "أخذ جواز سفري" } },
  { language: "ar", text: "أنا خائفة جدا", translation: "I am very afraid", cues: {} },
];
