import type { Lexicon } from "../lexicon.ts";

const CHILD = String.raw`(?:the|my|our|his|her)\s+(?:kids?|children|child|baby|son|daughter|boys?|girls?)`;
const VICTIM = String.raw`(?:me|us|her|my\s+\p{L}+|the\s+(?:kids|children|baby))`;
const WILL = String.raw`(?:will|'ll|’ll|would|'d|’d|going\s+to|gonna|threat\p{L}*\s+to|said\s+(?:he|she|they)\s*(?:'d|’d|would|will|'ll|’ll))`;

/** English. Draft for review. */
export const en: Lexicon = {
  language: "en",
  status: "draft for review",
  negations: ["not", "never", "no", "didn't", "didn’t", "doesn't", "doesn’t", "hasn't", "hasn’t", "haven't", "haven’t", "wasn't", "wasn’t", "isn't", "isn’t", "won't", "won’t", "nobody", "neither", "nor"],
  negationWindow: 3,
  patterns: {
    "threat-to-kill": [
      String.raw`(?:kill|murder)\s+${VICTIM}`,
      String.raw`threat\p{L}*\s+(?:to\s+kill|my\s+life|me\s+with\s+death)`,
      String.raw`death\s+threats?`,
      String.raw`(?:i'?ll|i’ll|i\s+will|you'?ll|you’ll)\s+be\s+dead`,
    ],
    weapon: [
      String.raw`kni(?:fe|ves)`,
      String.raw`(?:hand\s*)?guns?`,
      String.raw`shotguns?|rifles?|firearms?|pistols?|machetes?|hammer|crowbar|axe`,
      String.raw`baseball\s+bat`,
      String.raw`stabb?\p{L}*`,
      String.raw`acid`,
    ],
    strangulation: [
      String.raw`strangl\p{L}*`,
      String.raw`chok(?:e|ed|es|ing)\s+(?:me|her|us|my)`,
      String.raw`(?:hands?|arm)\s+(?:a?round|on)\s+my\s+(?:neck|throat)`,
      String.raw`(?:squeez|grabb?|press)\p{L}*\s+my\s+(?:neck|throat)`,
      String.raw`(?:couldn't|couldn’t|could\s+not|can't|can’t)\s+breathe`,
      String.raw`suffocat\p{L}*|smother\p{L}*`,
      String.raw`(?:tried|try|trying)\s+to\s+drown`,
      String.raw`pillow\s+over\s+my\s+face`,
    ],
    "children-threatened": [
      String.raw`${WILL}\s+(?:kill|hurt|harm|take)\s+${CHILD}`,
      String.raw`(?:kill|murder)\s+${CHILD}`,
      String.raw`threat\p{L}*\s+${CHILD}`,
    ],
    "children-hurt": [
      String.raw`(?<!(?:will|'ll|’ll|would|to|gonna)\s+)(?:hit|hits|hurt|hurts|beat|beats|slapped|slaps|kicked|kicks|punched|punches|smacked|smacks|shook|shakes)\s+${CHILD}`,
    ],
    pregnancy: [
      String.raw`pregnan\p{L}*`,
      String.raw`expecting\s+(?:a\s+)?baby`,
      String.raw`new\s*born`,
      String.raw`(?:just\s+)?had\s+(?:a|the|my)\s+baby`,
      String.raw`(?:\p{N}+|a\s+few|six|three|two|four|eight|nine)[\s-]+(?:weeks?|months?)[\s-]+old\s+(?:baby|son|daughter)`,
    ],
    separation: [
      String.raw`separat\p{L}*`,
      String.raw`divorc\p{L}*`,
      String.raw`(?:left|leave|leaving)\s+(?:him|her|them)`,
      String.raw`split\s+up|broke\s+up|broken\s+up`,
      String.raw`moved?\s+out`,
      String.raw`my\s+ex(?:[\s-]+(?:husband|wife|partner|boyfriend|girlfriend))?`,
    ],
    escalation: [
      String.raw`getting\s+worse|gets\s+worse|got\s+worse`,
      String.raw`worse\s+and\s+worse`,
      String.raw`worse\s+than\s+(?:ever|before)`,
      String.raw`more\s+(?:and\s+more\s+)?(?:often|violent|aggressive|dangerous)`,
      String.raw`escalat\p{L}*`,
    ],
    stalking: [
      String.raw`stalk\p{L}*`,
      String.raw`follow\p{L}*\s+me`,
      String.raw`keeps?\s+(?:texting|calling|messaging|ringing|turning\s+up|showing\s+up)`,
      String.raw`(?:turns?|turned|shows?|showed)\s+up\s+(?:at|outside)\s+my`,
      String.raw`(?:waits?|waiting|waited)\s+(?:for\s+me\s+)?outside\s+my`,
      String.raw`track\p{L}*\s+my\s+(?:phone|location|car)`,
      String.raw`(?:\p{N}+|hundreds\s+of|dozens\s+of)\s+(?:calls|texts|messages)`,
    ],
    "sexual-violence": [
      String.raw`rap(?:e|ed|es|ing)`,
      String.raw`sexual\p{L}*\s+(?:assault|abuse|violence)`,
      String.raw`sexually\s+assaulted`,
      String.raw`(?:forc\p{L}*|made|makes|make)\s+me\s+(?:to\s+)?(?:have\s+sex|do\s+sexual)`,
      String.raw`forc\p{L}*\s+(?:himself|themselves)\s+on\s+me`,
      String.raw`without\s+my\s+consent`,
    ],
    isolation: [
      String.raw`(?:won't|won’t|doesn't|doesn’t|does\s+not|will\s+not|never)\s+lets?\s+me\s+(?:see|visit|call|phone|talk\s+to|speak\s+to)\s+(?:my\s+)?(?:family|friends|mum|mom|mother|dad|father|sister|brother|parents)`,
      String.raw`(?:stops?|stopped|keeps?)\s+me\s+(?:from\s+)?(?:seeing|visiting|calling|talking\s+to)\s+(?:my\s+)?(?:family|friends|mum|mom|mother|dad|father|sister|brother|parents)`,
      String.raw`cut\s+me\s+off\s+from`,
      String.raw`(?:no|don't\s+have\s+any|don’t\s+have\s+any)\s+friends\s+(?:left|any\s*more)`,
    ],
    control: [
      String.raw`controll?\p{L}*`,
      String.raw`(?:took|takes|take|taking)\s+my\s+(?:phone|money|passport|keys|bank\s+card|wages|benefits)`,
      String.raw`check\p{L}*\s+my\s+(?:phone|messages|texts)`,
      String.raw`lock\p{L}*\s+me\s+(?:in|out)`,
      String.raw`(?:won't|won’t|doesn't|doesn’t|never)\s+lets?\s+me\s+(?:go\s+out|leave|work|have\s+(?:any\s+)?money)`,
      String.raw`jealous\p{L}*`,
      String.raw`tells?\s+me\s+what\s+(?:to\s+wear|i\s+can)`,
      String.raw`not\s+allowed\s+to`,
    ],
    "suicidal-thoughts": [
      String.raw`kill\s+myself`,
      String.raw`(?:end|take)\s+my\s+(?:own\s+)?life`,
      String.raw`suicidal|(?:thinking|thought|thoughts)\s+(?:about|of)\s+suicide`,
      String.raw`(?:want|wanted|wish)\s+(?:to\s+die|i\s+was\s+dead|i\s+were\s+dead)`,
      String.raw`better\s+off\s+dead`,
      String.raw`no\s+reason\s+to\s+live`,
      String.raw`(?:don't|don’t|do\s+not)\s+want\s+to\s+(?:live|be\s+alive|be\s+here\s+any\s*more)`,
    ],
    "honour-based": [
      String.raw`honou?r`,
      String.raw`(?:bring|brought|bringing|brings)\s+shame`,
      String.raw`shame\s+(?:on\s+)?(?:the|my|our|his)\s+family`,
      String.raw`forced\s+(?:to\s+)?marr\p{L}*|forced\s+marriage|make\s+me\s+marry|made\s+me\s+marry`,
      String.raw`my\s+(?:family|brothers?|father|dad|uncles?|cousins?|in-laws)\s+(?:will|would|'ll|’ll|are\s+going\s+to|threat\p{L}*\s+to)\s+(?:kill|hurt|punish)`,
    ],
  },
};
