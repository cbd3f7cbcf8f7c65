import type { DashQuestionTranslations } from "./types";

// Formal "Ön" as in the quick replies. Hungarian does not mark gender, but "Ön" takes the same
// verb forms as a third person, so "ez a személy" keeps apart who is asked and who is asked about.
export const hu: DashQuestionTranslations = {
  injury: "Megsérült ezúttal? Kérem, meséljen nekem minden sérüléséről.",
  frightened: "Nagyon fél?",
  "afraid-of": "Mitől fél? Attól, hogy még több erőszak éri, vagy hogy újra bántani fogják?",
  isolated: "Úgy érzi, hogy elvágták a családjától vagy a barátaitól, vagy nem engedik, hogy találkozzon velük?",
  depressed: "Nagyon levertnek érzi magát, vagy vannak olyan gondolatai, hogy véget vessen az életének?",
  separation: "Az elmúlt egy évben szakított ezzel a személlyel, vagy megpróbált szakítani?",
  "child-contact": "Vannak-e konfliktusok a gyerekekkel való találkozás miatt?",
  "constant-contact": "Ez a személy folyamatosan ír Önnek, hívja vagy más módon keresi Önt, követi Önt, vagy megjelenik ott, ahol Ön van?",
  pregnancy: "Várandós, vagy született gyermeke az elmúlt 18 hónapban?",
  children: "Vannak gyerekek az otthonban, vagy gyerekek egy másik kapcsolatból?",
  "children-hurt": "Ez a személy bántotta valaha a gyerekeket?",
  "children-threatened": "Ez a személy fenyegetőzött valaha azzal, hogy bántja vagy megöli a gyerekeket?",
  "others-hurt": "Tudja-e, hogy ez a személy bántott-e mást is, például családtagokat vagy más embereket?",
  "more-often": "Egyre gyakrabban fordul elő a bántalmazás?",
  "getting-worse": "Egyre súlyosabb a bántalmazás?",
  controlling: "Ez a személy megpróbál mindent irányítani, amit Ön tesz, vagy rendkívül féltékeny?",
  weapons: "Ez a személy használt valaha fegyvert vagy valamilyen tárgyat, hogy bántsa Önt?",
  "threat-to-kill": "Ez a személy fenyegetőzött valaha azzal, hogy megöli Önt vagy valaki mást, és Ön elhitte?",
  strangled: "Ez a személy megpróbálta valaha fojtogatni, a torkát szorítani, megfojtani vagy vízbe fojtani Önt?",
  sexual: "Ez a személy tesz vagy mond olyan szexuális dolgokat, amelyektől Ön rosszul érzi magát, vagy amelyek ártanak Önnek vagy valaki másnak?",
  animals: "Ez a személy bántott valaha állatot vagy a család házi kedvencét?",
  money: "Vannak pénzügyi problémák, vagy ez a személy rendelkezik a pénz felett?",
  substances: "Az elmúlt egy évben volt-e ennek a személynek olyan problémája az alkohollal, a drogokkal vagy a mentális egészségével, amely kihat a mindennapi életre?",
  "suicide-threat": "Ez a személy fenyegetőzött valaha azzal, vagy megpróbálta, hogy véget vet az életének?",
  "broken-orders": "Ez a személy megszegte valaha az óvadék feltételeit, egy bírósági tiltást vagy egy megállapodást arról, hogy mikor találkozhat Önnel vagy a gyerekekkel?",
  "criminal-history": "Tudja-e, hogy ez a személy volt-e már bajban a rendőrséggel, vagy van-e büntetett előélete?",
  "family-pressure": "Nyomást gyakorol Önre vagy fenyegeti Önt a családja vagy a közössége amiatt, ahogyan él, vagy amiatt, hogy kivel van együtt?",
};
