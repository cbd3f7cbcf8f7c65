/**
 * The DASH questions in the victims' languages, for "Ask in chat": sent with the question's own
 * words, the victim reads these instead of a machine translation (worker/quick-replies/reviewed.ts).
 * The English is the question's text in dash.ts; a language missing here is machine-translated.
 *
 * Machine-quality drafts, like the quick replies' translations: every one must be reviewed by a
 * native speaker before use. They avoid forms that assume the victim's gender, and call the
 * person hurting them "this person" where the language marks gender in "they".
 */
import type { QuickReplyLanguage } from "../quick-replies/library";

/** By language, then by question id; each language has every question (tests/unit checks). */
export const DASH_QUESTION_TRANSLATIONS: Readonly<Partial<Record<QuickReplyLanguage, Readonly<Record<string, string>>>>> = {
  pl: {
    injury: "Czy tym razem coś Ci się stało? Opowiedz mi, proszę, o wszystkich obrażeniach.",
    frightened: "Czy bardzo się boisz?",
    "afraid-of": "Czego się boisz? Dalszej przemocy albo tego, że ktoś znowu Cię skrzywdzi?",
    isolated: "Czy masz poczucie odcięcia od rodziny lub przyjaciół albo ktoś nie pozwala Ci się z nimi widywać?",
    depressed: "Czy masz bardzo zły nastrój albo myśli o odebraniu sobie życia?",
    separation: "Czy w ostatnim roku doszło do rozstania z tą osobą albo do próby rozstania?",
    "child-contact": "Czy są konflikty o kontakty z dziećmi?",
    "constant-contact": "Czy ta osoba ciągle do Ciebie pisze, dzwoni lub kontaktuje się z Tobą, chodzi za Tobą albo pojawia się tam, gdzie jesteś?",
    pregnancy: "Czy jesteś w ciąży albo czy w ciągu ostatnich 18 miesięcy urodziło Ci się dziecko?",
    children: "Czy w domu są dzieci albo czy są dzieci z innego związku?",
    "children-hurt": "Czy ta osoba kiedykolwiek skrzywdziła dzieci?",
    "children-threatened": "Czy ta osoba kiedykolwiek groziła, że skrzywdzi lub zabije dzieci?",
    "others-hurt": "Czy wiesz, czy ta osoba skrzywdziła kogoś jeszcze, na przykład kogoś z rodziny lub inne osoby?",
    "more-often": "Czy przemoc zdarza się coraz częściej?",
    "getting-worse": "Czy przemoc jest coraz gorsza?",
    controlling: "Czy ta osoba próbuje kontrolować wszystko, co robisz, albo jest skrajnie zazdrosna?",
    weapons: "Czy ta osoba kiedykolwiek użyła broni lub jakiegoś przedmiotu, żeby Cię skrzywdzić?",
    "threat-to-kill": "Czy ta osoba kiedykolwiek groziła, że zabije Ciebie lub kogoś innego, i czy wierzysz, że mówiła to poważnie?",
    strangled: "Czy ta osoba kiedykolwiek próbowała Cię dusić, dławić, udusić lub utopić?",
    sexual: "Czy ta osoba robi lub mówi rzeczy o charakterze seksualnym, przez które czujesz się źle albo które krzywdzą Ciebie lub kogoś innego?",
    animals: "Czy ta osoba kiedykolwiek skrzywdziła zwierzę lub domowego pupila?",
    money: "Czy są problemy z pieniędzmi albo czy ta osoba kontroluje pieniądze?",
    substances: "Czy w ostatnim roku ta osoba miała problemy z alkoholem, narkotykami lub zdrowiem psychicznym, które wpływają na codzienne życie?",
    "suicide-threat": "Czy ta osoba kiedykolwiek groziła, że odbierze sobie życie, albo próbowała to zrobić?",
    "broken-orders": "Czy ta osoba kiedykolwiek złamała warunki zwolnienia za kaucją, zakaz sądowy lub ustalenia dotyczące kontaktów z Tobą lub dziećmi?",
    "criminal-history": "Czy wiesz, czy ta osoba miała kłopoty z policją albo jest karana?",
    "family-pressure": "Czy Twoja rodzina lub społeczność wywiera na Ciebie presję albo Ci grozi z powodu tego, jak żyjesz lub z kim jesteś?",
  },
};
