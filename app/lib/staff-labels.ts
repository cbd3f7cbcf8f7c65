/**
 * What staff pages call the codes the service stores: outcomes, how chats ended, risk gradings,
 * DASH answers and languages. The console, the Records page and the dashboard (its charts, tables
 * and CSV) all use these, and the sealed transcript's PDF uses the same words from the Worker's
 * side ($shared/record-labels), so a thing is called the same everywhere.
 */
export { GRADES, OUTCOMES, answerLabel, endReasonLabel, gradeLabel, outcomeLabel } from "$shared/record-labels";

/** "Polish" for "pl": one naming for the worker's record and every staff page. */
export { languageName } from "$shared/language-names";
