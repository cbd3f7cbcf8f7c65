import type { Lexicon } from "../lexicon.ts";

const CHILD = String.raw`(?:بچوں|بچے|بچی|بیٹے|بیٹی)`;

/**
 * Urdu. Draft for review by a native speaker. Urdu puts its negation just before the verb at the
 * end ("گلا نہیں دبایا"), inside the phrases below, so a denied act does not match them at all.
 */
export const ur: Lexicon = {
  language: "ur",
  status: "draft for review",
  negations: ["نہیں", "نہ", "مت", "کبھی نہیں"],
  negationWindow: 2,
  patterns: {
    "threat-to-kill": [
      String.raw`جان\s+سے\s+مار\p{L}*`,
      String.raw`مار\s+(?:دے|دوں|دیں|ڈالے|ڈالوں|ڈالے)\s+گا`,
      String.raw`قتل\s+کر\s+(?:دے|دوں|ڈالے)\p{L}*`,
      String.raw`(?:مارنے|قتل\s+کرنے)\s+کی\s+دھمکی\p{L}*`,
    ],
    weapon: [String.raw`چاقو|چھری|چھرا|بندوق|پستول|اسلحہ|ہتھیار|کلہاڑی|ہتھوڑا|تیزاب`],
    strangulation: [
      String.raw`گل(?:ا|ہ|ے)\s+(?:دبا|گھونٹ)\p{L}*`,
      String.raw`سانس\s+نہیں\s+لے\s+(?:سکی|سکا|پا\s+رہی)`,
    ],
    "children-threatened": [
      String.raw`${CHILD}\s+کو\s+(?:\p{L}+\s+){0,2}(?:مار\s+(?:دے|ڈالے)|نقصان\s+پہنچا(?:ئے|نے))\p{L}*`,
      String.raw`${CHILD}\s+کو\s+(?:\p{L}+\s+){0,3}دھمکی\p{L}*`,
    ],
    "children-hurt": [String.raw`${CHILD}\s+کو\s+(?:بھی\s+)?(?:مارتا|مارا|پیٹتا|پیٹا)`],
    pregnancy: [String.raw`حاملہ|امید\s+سے|نوزائیدہ|نومولود`],
    separation: [String.raw`طلاق|علیحدگی|الگ\s+ہو\s+(?:گئی|گئے|چکی)|چھوڑ\s+(?:دیا|دوں\s+گی|کر\s+آئی)`],
    escalation: [String.raw`(?:زیادہ|بدتر)\s+ہو(?:\s+رہا|\s+رہی|تا|تی)\p{L}*|پہلے\s+سے\s+زیادہ|اور\s+بھی\s+(?:برا|بُرا)`],
    stalking: [String.raw`پیچھا\s+کر\p{L}*`, String.raw`(?:بار\s+بار|مسلسل)\s+(?:فون|کال|میسج)\p{L}*`],
    "sexual-violence": [
      String.raw`زیادتی|ریپ`,
      String.raw`زبردستی\s+(?:\p{L}+\s+){0,2}(?:سیکس|جنسی|تعلق)`,
      String.raw`جنسی\s+(?:تشدد|زیادتی|حملہ)`,
    ],
    isolation: [
      String.raw`(?:گھر\s+والوں|رشتہ\s+داروں|دوستوں|امی|ماں)\s+سے\s+(?:ملنے|بات\s+کرنے)\s+نہیں\s+دیتا`,
    ],
    control: [
      String.raw`کنٹرول`,
      String.raw`فون\s+(?:لے\s+لیا|چھین\p{L}*|چیک\s+کرتا)`,
      String.raw`پیسے\s+(?:لے\s+لیتا|چھین\p{L}*)`,
      String.raw`باہر\s+(?:جانے|نکلنے)\s+نہیں\s+دیتا`,
      String.raw`کمرے\s+میں\s+بند`,
      String.raw`شک\s+کرتا`,
    ],
    "suicidal-thoughts": [String.raw`خودکشی|مر\s+جانا\s+چاہتی|جینا\s+نہیں\s+چاہتی|اپنی\s+جان\s+لے`],
    "honour-based": [String.raw`غیرت|خاندان\s+کی\s+عزت|زبردستی\s+(?:کی\s+)?شادی|شادی\s+پر\s+مجبور`],
  },
};
