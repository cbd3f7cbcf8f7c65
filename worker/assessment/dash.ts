/**
 * The DASH risk identification checklist (domestic abuse, stalking and harassment, and
 * honour-based violence): its 27 questions, in this project's own words, grouped as the
 * checklist groups them.
 *
 * DASH guidance: 14 or more "yes" answers is high risk and a referral to MARAC. Below that the
 * grading rests on professional judgement; the count bands for medium (10 to 13) and standard
 * follow common force practice and are data a force can change. Judgement may raise a grading,
 * never lower it.
 */
import type { Questionnaire } from "./questionnaire.ts";

export const DASH: Questionnaire = {
  id: "dash-2009",
  title: "DASH risk identification checklist",
  bands: [
    { minimumYes: 14, grade: "high", marac: true },
    { minimumYes: 10, grade: "medium", marac: false },
    { minimumYes: 0, grade: "standard", marac: false },
  ],
  escalationIncidents: 3,
  groups: [
    {
      title: "What is happening now",
      questions: [
        { id: "injury", text: "Were you hurt this time? Please tell me about any injuries." },
        { id: "frightened", text: "Are you very frightened?" },
        { id: "afraid-of", text: "What are you afraid of? Is it more violence or being hurt again?" },
        { id: "isolated", text: "Do you feel cut off from family or friends, or kept from seeing them?" },
        { id: "depressed", text: "Are you feeling very low, or having thoughts of ending your life?" },
        { id: "separation", text: "Have you separated from them, or tried to, in the past year?" },
        { id: "child-contact", text: "Is there conflict over seeing the children?" },
        { id: "constant-contact", text: "Do they keep texting, calling or contacting you, follow you, or turn up where you are?" },
        { id: "pregnancy", text: "Are you pregnant, or have you had a baby in the last 18 months?" },
      ],
    },
    {
      title: "Children and others",
      questions: [
        { id: "children", text: "Are there children in the home, or children from another relationship?" },
        { id: "children-hurt", text: "Have they ever hurt the children?" },
        { id: "children-threatened", text: "Have they ever threatened to hurt or kill the children?" },
        { id: "others-hurt", text: "Do you know if they have hurt anyone else, such as family or other people?" },
      ],
    },
    {
      title: "Stalking and harassment",
      questions: [
        { id: "more-often", text: "Is the abuse happening more often?" },
        { id: "getting-worse", text: "Is the abuse getting worse?" },
        { id: "controlling", text: "Do they try to control everything you do, or are they extremely jealous?" },
      ],
    },
    {
      title: "Violence and threats",
      questions: [
        { id: "weapons", text: "Have they ever used a weapon or an object to hurt you?" },
        { id: "threat-to-kill", text: "Have they ever threatened to kill you or someone else, and you believed them?" },
        { id: "strangled", text: "Have they ever tried to strangle, choke, suffocate or drown you?" },
        { id: "sexual", text: "Do they do or say sexual things that make you feel bad, or that hurt you or someone else?" },
        { id: "animals", text: "Have they ever hurt an animal or a family pet?" },
      ],
    },
    {
      title: "About the person hurting you",
      questions: [
        { id: "money", text: "Are there money problems, or do they control the money?" },
        { id: "substances", text: "In the past year, have they had problems with drink, drugs or mental health that affect daily life?" },
        { id: "suicide-threat", text: "Have they ever threatened or tried to take their own life?" },
        { id: "broken-orders", text: "Have they ever broken bail, an injunction or an agreement about when they can see you or the children?" },
        { id: "criminal-history", text: "Do you know if they have been in trouble with the police, or have a criminal record?" },
      ],
    },
    {
      title: "Honour-based violence",
      questions: [
        { id: "family-pressure", text: "Do you feel under pressure, or are you threatened, by your family or community because of how you live or who you are with?" },
      ],
    },
  ],
};

export const QUESTIONNAIRES: readonly Questionnaire[] = [DASH];
