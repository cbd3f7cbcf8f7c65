/** One language's words for every DASH question, by question id (dash.ts). */
export type DashQuestionTranslations = Readonly<Record<string, string>>;
