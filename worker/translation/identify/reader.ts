/**
 * Reading a message's language in the Worker: the rules of identify.ts with fastText's model,
 * which loads on the first message read (or when a victim connects: prepareReading).
 */
import { guessLanguages, loadModel } from "./fasttext";
import { identifyLanguage, type Identified, type LanguageContext } from "./identify";

export function readLanguage(text: string, context: LanguageContext): Promise<Identified> {
  return identifyLanguage(text, context, guessLanguages);
}

/** Loads the model ahead of the first message. */
export function prepareReading(): void {
  loadModel();
}
