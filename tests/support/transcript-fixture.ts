/**
 * A sealed transcript made by hand for tests of what is rendered from it: sixty messages in
 * English, Polish, Welsh, Arabic, Urdu, Bengali, Gujarati and Punjabi (Gurmukhi), each with a
 * translation, plus a note, a location, an outcome with a crime reference and an assessment.
 * Digests are made-up hex, not a chain that verifies: rendering does not check them.
 */
import type { Actor, EntryContent, RecordEntry } from "../../worker/shared/record/entry.ts";
import type { TranscriptDocument, TranscriptEvent, TranscriptMessage } from "../../worker/shared/record/transcript.ts";

/** What a victim wrote, in their language, and its English translation. */
export const victimSays: { language: string; text: string; english: string }[] = [
  { language: "en", text: "I'm scared he will come back tonight.", english: "" },
  { language: "pl", text: "Boję się, że wróci dziś wieczorem. Zabrał mi telefon i klucze.", english: "I'm afraid he'll come back tonight. He took my phone and keys." },
  { language: "ar", text: "أنا خائفة جداً، لقد هددني مرة أخرى الليلة الماضية.", english: "I am very scared, he threatened me again last night." },
  { language: "ur", text: "میں بہت ڈری ہوئی ہوں، وہ مجھے باہر نہیں جانے دیتا۔", english: "I am very frightened, he does not let me go out." },
  { language: "bn", text: "আমি খুব ভয় পাচ্ছি, সে আমাকে গতকাল মেরেছে।", english: "I am very afraid, he hit me yesterday." },
  { language: "gu", text: "મને ખૂબ ડર લાગે છે, તેણે મારો ફોન તોડી નાખ્યો.", english: "I am very scared, he broke my phone." },
  { language: "pa", text: "ਮੈਨੂੰ ਬਹੁਤ ਡਰ ਲੱਗ ਰਿਹਾ ਹੈ, ਉਸਨੇ ਮੈਨੂੰ ਧਮਕੀ ਦਿੱਤੀ।", english: "I am very frightened, he threatened me." },
  { language: "cy", text: "Mae arna i ofn. Mae'r plant yn y tŷ gyda fi ac mae e'n gweiddi.", english: "I'm afraid. The children are in the house with me and he is shouting." },
  // Right-to-left with a number and a Latin word inside it.
  { language: "ar", text: "عمري 34 سنة وأسكن في Leeds مع أطفالي الثلاثة.", english: "I am 34 years old and live in Leeds with my three children." },
  { language: "ur", text: "اس نے میرا پاسپورٹ چھین لیا ہے اور پیسے بھی نہیں دیتا۔", english: "He has taken my passport and does not give me money either." },
  { language: "bn", text: "আমার সন্তানরা ঘুমাচ্ছে, আমি চুপচাপ লিখছি।", english: "My children are sleeping, I am writing quietly." },
  { language: "gu", text: "હું ઘરમાંથી બહાર નીકળી શકતી નથી, દરવાજો બંધ છે.", english: "I cannot get out of the house, the door is locked." },
  { language: "pa", text: "ਮੈਂ ਆਪਣੇ ਬੱਚਿਆਂ ਨਾਲ ਸੁਰੱਖਿਅਤ ਥਾਂ ਜਾਣਾ ਚਾਹੁੰਦੀ ਹਾਂ।", english: "I want to go to a safe place with my children." },
  { language: "pl", text: "Nie mogę teraz rozmawiać przez telefon, on śpi w pokoju obok.", english: "I can't talk on the phone now, he is sleeping in the next room." },
];

/** What the officer wrote, and its translation into each victim language (English needs none). */
export const officerSays: { text: string; translations: Record<string, string> }[] = [
  {
    text: "You are doing the right thing by talking to us. Are you safe right now?",
    translations: {
      pl: "Dobrze robisz, że z nami rozmawiasz. Czy jesteś teraz bezpieczna?",
      ar: "أنتِ تفعلين الصواب بالتحدث إلينا. هل أنتِ في أمان الآن؟",
      ur: "آپ ہم سے بات کر کے صحیح کر رہی ہیں۔ کیا آپ ابھی محفوظ ہیں؟",
      bn: "আমাদের সাথে কথা বলে আপনি ঠিক কাজ করছেন। আপনি কি এখন নিরাপদ?",
      gu: "અમારી સાથે વાત કરીને તમે યોગ્ય કરી રહ્યા છો. શું તમે અત્યારે સુરક્ષિત છો?",
      pa: "ਸਾਡੇ ਨਾਲ ਗੱਲ ਕਰਕੇ ਤੁਸੀਂ ਸਹੀ ਕਰ ਰਹੇ ਹੋ। ਕੀ ਤੁਸੀਂ ਹੁਣ ਸੁਰੱਖਿਅਤ ਹੋ?",
      cy: "Rydych chi'n gwneud y peth iawn drwy siarad â ni. Ydych chi'n ddiogel nawr?",
    },
  },
  {
    text: "If you are in danger, call 999 and press 55 when asked. Officers will come to you.",
    translations: {
      pl: "Jeśli grozi ci niebezpieczeństwo, zadzwoń pod 999 i naciśnij 55. Policjanci przyjadą.",
      ar: "إذا كنتِ في خطر، اتصلي بالرقم 999 واضغطي 55 عند الطلب.",
      ur: "اگر آپ خطرے میں ہیں تو 999 پر کال کریں اور پوچھنے پر 55 دبائیں۔",
      bn: "আপনি বিপদে থাকলে 999 নম্বরে ফোন করুন এবং জিজ্ঞাসা করলে 55 চাপুন।",
      gu: "જો તમે જોખમમાં હો તો 999 પર ફોન કરો અને પૂછવામાં આવે ત્યારે 55 દબાવો.",
      pa: "ਜੇ ਤੁਸੀਂ ਖ਼ਤਰੇ ਵਿੱਚ ਹੋ ਤਾਂ 999 ਤੇ ਫ਼ੋਨ ਕਰੋ ਅਤੇ ਪੁੱਛਣ ਤੇ 55 ਦਬਾਓ।",
      cy: "Os ydych chi mewn perygl, ffoniwch 999 a gwasgwch 55 pan ofynnir i chi.",
    },
  },
  {
    text: "Can you tell me where you are? You can share your location with the button below.",
    translations: {
      pl: "Czy możesz mi powiedzieć, gdzie jesteś? Możesz udostępnić lokalizację przyciskiem poniżej.",
      ar: "هل يمكنكِ إخباري أين أنتِ؟ يمكنكِ مشاركة موقعك بالزر أدناه.",
      ur: "کیا آپ بتا سکتی ہیں کہ آپ کہاں ہیں؟ آپ نیچے والے بٹن سے اپنا مقام بھیج سکتی ہیں۔",
      bn: "আপনি কোথায় আছেন বলতে পারবেন? নিচের বোতাম দিয়ে আপনার অবস্থান পাঠাতে পারেন।",
      gu: "તમે ક્યાં છો તે કહી શકો? નીચેના બટનથી તમારું સ્થાન મોકલી શકો છો.",
      pa: "ਕੀ ਤੁਸੀਂ ਦੱਸ ਸਕਦੇ ਹੋ ਕਿ ਤੁਸੀਂ ਕਿੱਥੇ ਹੋ? ਹੇਠਾਂ ਦਿੱਤੇ ਬਟਨ ਨਾਲ ਆਪਣਾ ਟਿਕਾਣਾ ਭੇਜੋ।",
      cy: "Allwch chi ddweud wrtha i ble rydych chi? Gallwch rannu eich lleoliad gyda'r botwm isod.",
    },
  },
  {
    text: "Thank you. An officer is on the way. Keep your phone with you and stay in a room you can lock.",
    translations: {
      pl: "Dziękuję. Policjant jest w drodze. Trzymaj telefon przy sobie i zostań w pokoju, który możesz zamknąć.",
      ar: "شكراً لكِ. هناك ضابط في الطريق إليكِ. احتفظي بهاتفك معك.",
      ur: "شکریہ۔ ایک افسر راستے میں ہے۔ اپنا فون اپنے پاس رکھیں۔",
      bn: "ধন্যবাদ। একজন অফিসার আসছেন। ফোনটি নিজের কাছে রাখুন।",
      gu: "આભાર. એક અધિકારી રસ્તામાં છે. તમારો ફોન તમારી પાસે રાખો.",
      pa: "ਧੰਨਵਾਦ। ਇੱਕ ਅਫ਼ਸਰ ਰਸਤੇ ਵਿੱਚ ਹੈ। ਆਪਣਾ ਫ਼ੋਨ ਆਪਣੇ ਕੋਲ ਰੱਖੋ।",
      cy: "Diolch. Mae swyddog ar y ffordd. Cadwch eich ffôn gyda chi.",
    },
  },
];

/** A word too long for one line, so the renderer has to break it. */
export const longWord = `https://example.org/${"a-very-long-path-segment-".repeat(8)}end`;

export const CONVERSATION_ID = "c-2026-11-28-0001";
export const CRIME_REFERENCE = "13/204581/26";
export const NOTE_TEXT = "Victim whispering; suspect in the next room. Children (3, 6 and 9) at home.";
const MODEL = "workers-ai:@cf/meta/m2m100-1.2b";
const START = Date.UTC(2026, 10, 28, 10, 0, 0);
const iso = (seconds: number) => new Date(START + seconds * 1000).toISOString();
/** Made-up but well-formed digests: 64 hex characters that differ for each input. */
const digest = (label: string) => {
  let hash = 0x811c9dc5;
  for (const ch of label) hash = Math.imul(hash ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return Array.from({ length: 8 }, (_, i) => ((hash * (i + 7)) >>> 0).toString(16).padStart(8, "0")).join("");
};

function messages(count: number): TranscriptMessage[] {
  const list: TranscriptMessage[] = [];
  for (let seq = 1; seq <= count; seq++) {
    const victim = seq % 2 === 1;
    const said = victimSays[Math.floor((seq - 1) / 2) % victimSays.length]!;
    const sentAt = iso(60 + seq * 37);
    if (victim) {
      const translated = said.language !== "en";
      list.push({
        seq,
        from: "victim",
        officerId: null,
        text: seq === 29 ? `${said.text} ${longWord}` : said.text,
        language: said.language,
        sentAt,
        translation: translated
          ? { status: "done", text: said.english, to: "en", model: MODEL }
          : { status: "not-needed", text: null, to: null, model: null },
        digest: digest(`m${seq}`),
        translationDigest: translated ? digest(`t${seq}`) : null,
      });
    } else {
      // The officer answers in English, translated into the language of the victim's last message.
      const reply = officerSays[(seq / 2 - 1) % officerSays.length]!;
      const to = said.language;
      const text = reply.translations[to];
      list.push({
        seq,
        from: "officer",
        officerId: seq < 40 ? "o-1047" : "o-2210",
        text: reply.text,
        language: "en",
        sentAt,
        translation:
          text === undefined
            ? { status: "not-needed", text: null, to: null, model: null }
            : { status: "done", text, to, model: MODEL },
        digest: digest(`m${seq}`),
        translationDigest: text === undefined ? null : digest(`t${seq}`),
      });
    }
  }
  return list;
}

export function transcriptFixture(): TranscriptDocument {
  const msgs = messages(60);
  const endedAt = iso(60 + 61 * 37);
  const events: TranscriptEvent[] = [
    { n: 1, kind: "opened", at: iso(0), by: { role: "victim" }, summary: "The victim opened the chat", digest: "" },
    { n: 2, kind: "accepted", at: iso(45), by: { role: "officer", officerId: "o-1047" }, summary: "Officer o-1047 joined", digest: "" },
    { n: 3, kind: "location", at: iso(700), by: { role: "victim" }, summary: "The victim shared a location", digest: "" },
    { n: 4, kind: "transferred", at: iso(1400), by: { role: "officer", officerId: "o-2210" }, summary: "Officer o-2210 took over from o-1047", digest: "" },
    { n: 5, kind: "ended", at: endedAt, by: { role: "officer", officerId: "o-2210" }, summary: "Officer o-2210 ended the chat", digest: "" },
  ].map((e) => ({ ...e, digest: digest(`e${e.n}`) }) as TranscriptEvent);

  // The chain: every message and translation, plus the lifecycle events, in time order.
  const lifecycle: EntryContent[] = [
    { kind: "opened", at: iso(0), by: { role: "victim" }, data: { conversationId: CONVERSATION_ID, victimLanguage: "pl", returning: true } },
    { kind: "accepted", at: iso(45), by: { role: "officer", officerId: "o-1047" }, data: { officerId: "o-1047" } },
    { kind: "location", at: iso(700), by: { role: "victim" }, data: { latitude: 53.79648, longitude: -1.54785, accuracy: 25 } },
    { kind: "transferred", at: iso(1400), by: { role: "officer", officerId: "o-2210" }, data: { from: "o-1047", to: "o-2210", note: "" } },
    { kind: "ended", at: endedAt, by: { role: "officer", officerId: "o-2210" }, data: { reason: "officer-ended" } },
  ];
  const contents = [
    ...lifecycle,
    ...msgs.flatMap((m): EntryContent[] => {
      const by: Actor = m.from === "victim" ? { role: "victim" } : { role: "officer", officerId: m.officerId! };
      const { seq, from, text, language, translation } = m;
      const entry: EntryContent = { kind: "message", at: m.sentAt, by, data: { seq, from, clientId: `c${seq}`, text, language, translation } };
      return translation.text === null
        ? [entry]
        : [entry, { kind: "translation", at: m.sentAt, by: { role: "system" }, data: { seq, ...translation } }];
    }),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const entries: RecordEntry[] = [];
  for (const [i, content] of contents.entries()) {
    const prev = entries.at(-1)?.digest ?? "0".repeat(64);
    entries.push({ ...content, n: i + 1, prev, digest: digest(`entry${i + 1}`) });
  }

  return {
    format: "quietline.transcript/2",
    conversationId: CONVERSATION_ID,
    startedAt: iso(0),
    acceptedAt: iso(45),
    endedAt,
    endReason: "officer-ended",
    participants: [
      { role: "victim", language: "pl", returning: true },
      { role: "officer", officerId: "o-1047", joinedAt: iso(45) },
      { role: "officer", officerId: "o-2210", joinedAt: iso(1400) },
    ],
    messages: msgs,
    events,
    notes: [{ at: iso(800), officerId: "o-1047", text: NOTE_TEXT, digest: digest("note") }],
    locations: [{ at: iso(700), latitude: 53.79648, longitude: -1.54785, accuracy: 25, digest: digest("loc") }],
    outcome: {
      outcome: "emergency-response",
      crimeReference: CRIME_REFERENCE,
      detail: "Suspect arrested at the address; victim and children taken to a refuge.",
      officerId: "o-2210",
      at: iso(2300),
      digest: digest("outcome"),
    },
    assessment: {
      questionnaire: { id: "dash-2009", title: "DASH risk identification checklist" },
      grading: {
        yesCount: 12,
        answered: 15,
        byCount: "medium",
        grade: "high",
        raisedByJudgement: true,
        potentialEscalation: true,
        maracReferral: true,
      },
      changes: [
        {
          kind: "answer",
          questionId: "q1",
          question: "Has the current incident resulted in injury?",
          answer: "yes",
          comment: "Bruising to the arm, from message #9.",
          messageSeqs: [9],
          grade: null,
          incidentsInYear: null,
          officerId: "o-1047",
          at: iso(500),
          digest: digest("a1"),
        },
        {
          kind: "escalation",
          questionId: null,
          question: null,
          answer: null,
          comment: null,
          messageSeqs: [],
          grade: null,
          incidentsInYear: 4,
          officerId: "o-1047",
          at: iso(900),
          digest: digest("a2"),
        },
        {
          kind: "judgement",
          questionId: null,
          question: null,
          answer: null,
          comment: "Threats to take the children abroad; passport taken.",
          messageSeqs: [19],
          grade: "high",
          incidentsInYear: null,
          officerId: "o-2210",
          at: iso(1500),
          digest: digest("a3"),
        },
      ],
    },
    entries,
    seal: { entries: entries.length, head: entries.at(-1)!.digest, documentSha256: digest("document") },
  };
}
