import type { Lexicon } from "../lexicon.ts";

const CHILD = String.raw`(?:dzieci|dzieciom|dziecko|dziecku|dzieciaki|syna|synowi|córkę|córce|małego|małą)`;

/** Polish. Draft for review by a native speaker. */
export const pl: Lexicon = {
  language: "pl",
  status: "draft for review",
  negations: ["nie", "nigdy", "ani", "nikt"],
  negationWindow: 2,
  patterns: {
    "threat-to-kill": [
      String.raw`zabij\p{L}*\s+(?:mnie|nas|cię|ją|go|was)`,
      String.raw`(?:mnie|nas|cię|ją)\s+zabij\p{L}*`,
      String.raw`grozi\p{L}*\s+(?:mi\s+|nam\s+)?(?:śmiercią|zabiciem|że\s+(?:mnie|nas)\s+zabije)`,
      String.raw`groźb\p{L}*\s+(?:śmierci|zabicia)`,
      String.raw`będziesz\s+martwa`,
    ],
    weapon: [
      String.raw`nóż|noża|nożem|noże|nożami|nożyk\p{L}*`,
      String.raw`broń|bronią|pistolet\p{L}*|strzelb\p{L}*|rewolwer\p{L}*`,
      String.raw`siekier\p{L}*|młotk?\p{L}*|maczet\p{L}*|kij\p{L}*\s+bejsbolow\p{L}*`,
      String.raw`dźgn\p{L}*|dźga\p{L}*|pchn\p{L}*\s+nożem`,
      String.raw`kwas\p{L}*`,
    ],
    strangulation: [
      String.raw`(?:u|pod)?dusi\p{L}*|poddusza\p{L}*|duszeni\p{L}*`,
      String.raw`(?:ręce|ręka|rękami|dłonie|dłońmi)\s+na\s+(?:mojej\s+)?szyi`,
      String.raw`(?:ścisk|złap)\p{L}*\s+(?:mnie\s+)?za\s+(?:gardło|szyję)`,
      String.raw`nie\s+mogłam\s+(?:z\s+)?(?:oddychać|złapać\s+tchu)`,
      String.raw`utopić\s+mnie|topił\p{L}*\s+mnie`,
    ],
    "children-threatened": [
      String.raw`(?:zabije|zabiję|skrzywdzi|skrzywdzę|zrobi\s+krzywdę|zabierze)\s+(?:\p{L}+\s+)?${CHILD}`,
      String.raw`grozi\p{L}*\s+(?:\p{L}+\s+){0,3}${CHILD}`,
    ],
    "children-hurt": [
      String.raw`(?:bije|bił|biła|uderzył\p{L}*|skrzywdził\p{L}*|kopnął|kopie|szarpie|szarpał)\s+(?:\p{L}+\s+)?${CHILD}`,
    ],
    pregnancy: [
      String.raw`w\s+ciąży|ciąż\p{L}*`,
      String.raw`noworod\p{L}*|niemowl\p{L}*`,
      String.raw`urodziłam`,
    ],
    separation: [
      String.raw`rozsta\p{L}*|rozwod\p{L}*|rozwód`,
      String.raw`odeszłam|odejść\s+od\s+niego|odchodzę`,
      String.raw`wyprowadzi\p{L}*\s+się`,
      String.raw`mój\s+były|moim\s+byłym|byłego\s+(?:męża|partnera)|były\s+(?:mąż|partner)`,
    ],
    escalation: [
      String.raw`coraz\s+(?:gorzej|częściej|bardziej|gorszy|gorsze|groźniejszy)`,
      String.raw`jest\s+(?:jeszcze\s+)?gorzej`,
      String.raw`nasila\p{L}*`,
    ],
    stalking: [
      String.raw`śledzi\p{L}*`,
      String.raw`chodzi\s+za\s+mną`,
      String.raw`nęka\p{L}*`,
      String.raw`(?:ciągle|wciąż|cały\s+czas)\s+(?:do\s+mnie\s+)?(?:dzwoni|pisze|esemesuje)`,
      String.raw`czeka\s+(?:na\s+mnie\s+)?(?:pod|przed)\s+(?:domem|pracą|blokiem|szkołą)`,
      String.raw`stalk\p{L}*`,
    ],
    "sexual-violence": [
      String.raw`zgwałci\p{L}*|gwałt\p{L}*|gwałci\p{L}*`,
      String.raw`zmusz?\p{L}*\s+(?:mnie\s+)?do\s+(?:seksu|współżycia)`,
      String.raw`molest\p{L}*`,
    ],
    isolation: [
      String.raw`nie\s+pozwala\s+mi\s+(?:się\s+)?(?:widywać|spotykać|dzwonić|rozmawiać|odwiedzać)\p{L}*`,
      String.raw`odciął\s+mnie\s+od`,
      String.raw`nie\s+mam\s+(?:już\s+)?(?:przyjaciół|znajomych)`,
    ],
    control: [
      String.raw`kontrol\p{L}*`,
      String.raw`zabiera\p{L}*\s+(?:mi\s+)?(?:telefon|pieniądze|paszport|klucze|dokumenty|kartę)`,
      String.raw`zabrał\p{L}*\s+(?:mi\s+)?(?:telefon|pieniądze|paszport|klucze|dokumenty|kartę)`,
      String.raw`zamyka\p{L}*\s+mnie|zamknął\s+mnie`,
      String.raw`sprawdza\s+(?:mi\s+|mój\s+)?telefon`,
      String.raw`zazdros\p{L}*`,
      String.raw`nie\s+pozwala\s+mi\s+(?:wychodzić|pracować|wyjść)`,
    ],
    "suicidal-thoughts": [
      String.raw`(?:chcę|chce\s+mi\s+się)\s+umrzeć`,
      String.raw`zabi(?:ję|ć)\s+się|odebrać\s+sobie\s+życie|samobój\p{L}*`,
      String.raw`nie\s+chcę\s+(?:już\s+)?żyć`,
    ],
    "honour-based": [
      String.raw`honor\p{L}*`,
      String.raw`hańb\p{L}*`,
      String.raw`wstyd\p{L}*\s+(?:dla\s+)?(?:całej\s+)?rodzin\p{L}*`,
      String.raw`zmusza\p{L}*\s+(?:mnie\s+)?do\s+(?:ślubu|małżeństwa)`,
      String.raw`wydać\s+mnie\s+za\s+mąż`,
    ],
  },
};
