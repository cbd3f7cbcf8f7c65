/**
 * How a kept machine draft is marked in the words themselves, so the record, the next officer and
 * any reader of the sealed transcript see that a model drafted it and the officer kept it.
 */
export function markedAsDrafted(text: string, model: string): string {
  return `${text.trim()}\n\n(Drafted by ${model}; checked and kept by the officer.)`;
}
