import type { DashQuestionTranslations } from "./types";

// Formal "vous" as in the quick replies, around past participles and adjectives that would
// mark gender; a no-break space before "?", as there.
export const fr: DashQuestionTranslations = {
  injury: "Est-ce qu'on vous a fait mal cette fois-ci ? Parlez-moi, s'il vous plaît, de toutes vos blessures.",
  frightened: "Avez-vous très peur ?",
  "afraid-of": "De quoi avez-vous peur ? De plus de violence, ou qu'on vous fasse encore du mal ?",
  isolated: "Avez-vous le sentiment de ne plus avoir de contact avec votre famille ou vos amis, ou qu'on vous empêche de les voir ?",
  depressed: "Avez-vous le moral très bas, ou des pensées de mettre fin à vos jours ?",
  separation: "Au cours de l'année passée, y a-t-il eu une séparation d'avec cette personne, ou avez-vous essayé de la quitter ?",
  "child-contact": "Y a-t-il des conflits pour voir les enfants ?",
  "constant-contact": "Est-ce que cette personne n'arrête pas de vous écrire, de vous appeler ou de vous contacter, vous suit, ou se présente là où vous êtes ?",
  pregnancy: "Êtes-vous enceinte, ou avez-vous eu un bébé au cours des 18 derniers mois ?",
  children: "Y a-t-il des enfants à la maison, ou des enfants d'une autre relation ?",
  "children-hurt": "Cette personne a-t-elle déjà fait du mal aux enfants ?",
  "children-threatened": "Cette personne a-t-elle déjà menacé de faire du mal aux enfants ou de les tuer ?",
  "others-hurt": "Savez-vous si cette personne a fait du mal à quelqu'un d'autre, comme des proches ou d'autres personnes ?",
  "more-often": "Les violences sont-elles de plus en plus fréquentes ?",
  "getting-worse": "Les violences sont-elles de plus en plus graves ?",
  controlling: "Cette personne essaie-t-elle de contrôler tout ce que vous faites, ou est-elle extrêmement jalouse ?",
  weapons: "Cette personne a-t-elle déjà utilisé une arme ou un objet pour vous faire du mal ?",
  "threat-to-kill": "Cette personne a-t-elle déjà menacé de vous tuer, vous ou quelqu'un d'autre, et l'avez-vous crue ?",
  strangled: "Cette personne a-t-elle déjà essayé de vous étrangler, de vous serrer la gorge, de vous étouffer ou de vous noyer ?",
  sexual: "Cette personne fait-elle ou dit-elle des choses à caractère sexuel qui vous mettent mal à l'aise, ou qui font du mal à vous ou à quelqu'un d'autre ?",
  animals: "Cette personne a-t-elle déjà fait du mal à un animal ou à un animal de compagnie de la famille ?",
  money: "Y a-t-il des problèmes d'argent, ou est-ce cette personne qui contrôle l'argent ?",
  substances: "Au cours de l'année passée, cette personne a-t-elle eu des problèmes d'alcool, de drogue ou de santé mentale qui pèsent sur la vie de tous les jours ?",
  "suicide-threat": "Cette personne a-t-elle déjà menacé de mettre fin à ses jours, ou essayé de le faire ?",
  "broken-orders": "Cette personne a-t-elle déjà enfreint les conditions de sa libération sous caution, une ordonnance du tribunal ou un accord sur les moments où elle peut vous voir, vous ou les enfants ?",
  "criminal-history": "Savez-vous si cette personne a déjà eu des ennuis avec la police, ou a un casier judiciaire ?",
  "family-pressure": "Subissez-vous des pressions ou des menaces de la part de votre famille ou de votre communauté à cause de votre façon de vivre ou de la personne avec qui vous êtes ?",
};
