import type { DashQuestionTranslations } from "./types";

// European Portuguese, formal as in the quick replies ("lhe", "consigo", "a si"), which also
// keeps clear of the gendered object pronouns "o"/"a".
export const pt: DashQuestionTranslations = {
  injury: "Desta vez sofreu algum ferimento? Por favor, fale-me de todas as lesões.",
  frightened: "Sente muito medo?",
  "afraid-of": "De que tem medo? De mais violência, ou de que lhe voltem a fazer mal?",
  isolated: "Sente-se sem contacto com a família ou os amigos, ou sente que não tem permissão para os ver?",
  depressed: "Sente-se muito em baixo, ou tem pensamentos de pôr fim à vida?",
  separation: "No último ano, separou-se desta pessoa, ou tentou fazê-lo?",
  "child-contact": "Há conflitos por causa das visitas às crianças?",
  "constant-contact": "Esta pessoa está sempre a enviar-lhe mensagens, a telefonar-lhe ou a entrar em contacto consigo, anda atrás de si ou aparece onde está?",
  pregnancy: "Está grávida, ou teve um bebé nos últimos 18 meses?",
  children: "Há crianças em casa, ou filhos de outra relação?",
  "children-hurt": "Esta pessoa já alguma vez fez mal às crianças?",
  "children-threatened": "Esta pessoa já alguma vez ameaçou fazer mal às crianças ou matá-las?",
  "others-hurt": "Sabe se esta pessoa fez mal a mais alguém, como familiares ou outras pessoas?",
  "more-often": "Os maus-tratos estão a acontecer com mais frequência?",
  "getting-worse": "Os maus-tratos estão a piorar?",
  controlling: "Esta pessoa tenta controlar tudo o que faz, ou é extremamente ciumenta?",
  weapons: "Esta pessoa já alguma vez usou uma arma ou um objeto para lhe fazer mal?",
  "threat-to-kill": "Esta pessoa já alguma vez fez ameaças de morte contra si ou contra outra pessoa, e acreditou nelas?",
  strangled: "Esta pessoa já alguma vez tentou tirar-lhe o ar, apertando-lhe o pescoço ou a garganta, tapando-lhe a boca e o nariz, ou metendo-lhe a cabeça debaixo de água?",
  sexual: "Esta pessoa faz ou diz coisas sexuais que lhe causam mal-estar, ou que fazem mal a si ou a outra pessoa?",
  animals: "Esta pessoa já alguma vez fez mal a um animal ou a um animal de estimação da família?",
  money: "Há problemas de dinheiro, ou é esta pessoa que controla o dinheiro?",
  substances: "No último ano, esta pessoa teve problemas com álcool, drogas ou saúde mental que afetem o dia a dia?",
  "suicide-threat": "Esta pessoa já alguma vez ameaçou pôr fim à própria vida, ou tentou fazê-lo?",
  "broken-orders": "Esta pessoa já alguma vez desrespeitou as condições da caução, uma ordem do tribunal ou um acordo sobre quando pode estar consigo ou com as crianças?",
  "criminal-history": "Sabe se esta pessoa já teve problemas com a polícia, ou tem registo criminal?",
  "family-pressure": "Sente pressão ou ameaças da parte da sua família ou comunidade por causa da forma como vive ou da pessoa com quem está?",
};
