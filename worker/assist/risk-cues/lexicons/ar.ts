import type { Lexicon } from "../lexicon.ts";

/**
 * Arabic writes "and", "with", "the" and the future marker onto the word (وبالسكين, سيقتلني),
 * so patterns allow a few letters before a root where such clitics go, and the object pronoun
 * after it (ـني me, ـنا us, ـك you, ـها her).
 */
const CLITICS = String.raw`(?:[وف]?[بلك]?(?:ال)?)`;
const CHILD = String.raw`(?:ال)?(?:أطفال|اطفال|أولاد|اولاد|ابني|ابنتي|بنتي|طفلي|عيال)\p{L}*`;
const SOON = String.raw`\p{L}{0,3}`;

/** Arabic (Modern Standard, with common Levantine and Egyptian forms). Draft for review by a native speaker. */
export const ar: Lexicon = {
  language: "ar",
  status: "draft for review",
  negations: ["لا", "لم", "لن", "ليس", "مش", "مو", "أبدا", "أبدًا", "ابدا", "ما"],
  negationWindow: 2,
  patterns: {
    "threat-to-kill": [
      String.raw`${SOON}قتل(?:ني|نا|ك|كي|ها|كم)`,
      String.raw`${SOON}ذبح(?:ني|نا|ك|كي|ها)`,
      String.raw`[وف]?هدد\p{L}*\s+(?:\p{L}+\s+)?ب?ال?قتل`,
      String.raw`${CLITICS}تهديد\p{L}*\s+بالقتل`,
    ],
    weapon: [
      String.raw`${CLITICS}(?:سكين|سكينة|سكاكين)`,
      String.raw`${CLITICS}(?:مسدس|سلاح|بندقية|ساطور|مطرقة|شاكوش)`,
      String.raw`${SOON}طعن\p{L}*`,
      String.raw`${CLITICS}(?:أسيد|اسيد|ماء\s+النار)`,
    ],
    strangulation: [
      String.raw`${SOON}خنق\p{L}*`,
      String.raw`${CLITICS}اختناق`,
      String.raw`(?:لم\s+أستطع|ما\s+قدرت|ما\s+قدرتش)\s+(?:أن\s+)?(?:أتنفس|اتنفس|التنفس)`,
      String.raw`(?:يده|يديه|إيده|ايده)\s+(?:على|حول)\s+(?:رقبتي|عنقي)`,
    ],
    "children-threatened": [
      String.raw`${SOON}(?:قتل|يؤذي|يأذي|يضر|يأخذ)\p{L}*\s+${CHILD}`,
      String.raw`[وف]?هدد\p{L}*\s+(?:\p{L}+\s+)?ب?${CHILD}`,
    ],
    "children-hurt": [
      String.raw`[وف]?(?:ضرب|يضرب|آذى|اذى|أذى)\p{L}*\s+${CHILD}`,
    ],
    pregnancy: [
      String.raw`${CLITICS}(?:حامل|حاملة|الحمل|حملي)`,
      String.raw`${CLITICS}(?:مولود|رضيع|رضيعة)\p{L}*`,
      String.raw`ولدت\s+(?:طفل|ابن|بنت)\p{L}*`,
    ],
    separation: [
      String.raw`${CLITICS}(?:طلاق|انفصال)`,
      String.raw`[وف]?(?:طلقني|انفصلت|انفصلنا|تركته|سأتركه|طليقي)`,
      String.raw`زوجي\s+السابق`,
    ],
    escalation: [
      String.raw`(?:يزداد|تزداد|صار|أصبح|اصبح)\s+(?:\p{L}+\s+)?(?:أسوأ|اسوأ|أعنف|اعنف)`,
      String.raw`من\s+سيء\s+إلى\s+أسوأ`,
      String.raw`أكثر\s+فأكثر`,
    ],
    stalking: [
      String.raw`[وف]?(?:يلاحق|يتعقب|يراقب|يتبع)\p{L}*`,
      String.raw`(?:دائما|دائمًا|دايما|طول\s+الوقت)\s+(?:يتصل|يرسل|يكلم)\p{L}*`,
      String.raw`ينتظرني\s+(?:أمام|عند|خارج|برا)`,
    ],
    "sexual-violence": [
      String.raw`${SOON}اغتصب\p{L}*|${CLITICS}اغتصاب`,
      String.raw`اعتدى\s+علي\p{L}*\s+جنسي\p{L}*`,
      String.raw`يجبرني\s+على\s+(?:الجنس|العلاقة|الجماع)`,
      String.raw`${SOON}تحرش\p{L}*`,
    ],
    isolation: [
      String.raw`(?:لا|ما)\s+(?:يسمح|يخليني|بيخليني)\s+(?:لي\s+)?(?:أن\s+)?(?:أرى|أشوف|اشوف|أزور|ازور|أكلم|اكلم|أتكلم)\s+(?:مع\s+)?(?:أهلي|اهلي|عائلتي|صديقاتي|أصدقائي|أمي|امي|أختي)`,
      String.raw`[وف]?(?:عزلني|يعزلني)`,
      String.raw`منعني\s+من\s+(?:رؤية|زيارة)`,
    ],
    control: [
      String.raw`[وف]?(?:يتحكم|يسيطر)\p{L}*`,
      String.raw`(?:أخذ|اخذ|يأخذ|ياخذ)\s+(?:مني\s+)?(?:هاتفي|تلفوني|جوالي|موبايلي|فلوسي|أموالي|جوازي|جواز\s+سفري)`,
      String.raw`[وف]?(?:يحبسني|حبسني|يقفل\s+علي)`,
      String.raw`[وف]?(?:يغار|غيور)`,
      String.raw`يفتش\s+(?:هاتفي|تلفوني|جوالي|موبايلي)`,
    ],
    "suicidal-thoughts": [
      String.raw`(?:أريد|اريد|بدي|عايزة)\s+(?:أن\s+)?(?:أموت|اموت|موت)`,
      String.raw`أقتل\s+نفسي|اقتل\s+نفسي`,
      String.raw`${CLITICS}(?:انتحار|أنتحر|انتحر)`,
      String.raw`(?:لا\s+أريد|ما\s+بدي)\s+(?:أن\s+)?(?:أعيش|عيش)`,
    ],
    "honour-based": [
      String.raw`${CLITICS}شرف\p{L}*`,
      String.raw`${CLITICS}(?:عار|فضيحة)`,
      String.raw`زواج\s+(?:بالإكراه|بالاكراه|قسري)`,
      String.raw`(?:يجبروني|يجبرونني|أجبروني)\s+على\s+الزواج|يزوجوني`,
    ],
  },
};
