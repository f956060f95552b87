// Weak cues of a jailbreak frame: fiction, hypotheticals, personas and
// "for research" disclaimers. Harmless alone (people role-play and ask
// hypotheticals all the time); they matter when the same message asks for
// harmful capability, which is the shape of role-play jailbreaks.
import { wordAnchoredRegExp } from './word-anchored-regexp.js';
import type { InjectionRule } from './injection-rules.js';

// Alternatives that begin with a word are anchored at a word start (speed).
const anchored = (source: string): RegExp => wordAnchoredRegExp(source);
const r = (id: string, weight: number, source: string): InjectionRule => ({ id, weight, pattern: anchored(source) });

export const FRAMING_CUES: readonly InjectionRule[] = [
  r('frame.fiction', 1, `\\b(?:hypothetical(?:ly)?|fictional|fictitious|imaginary|make-believe|thought experiment|alternate (?:universe|reality)|parallel universe|in a world where|dystopian)\\b`),
  r('frame.persona', 1, `\\b(?:(?:you are|you're) an? (?:[^ ]+ ){0,4}(?:who|that|with|named|called|hired|tasked|working|[a-z]{3,}ing)\\b|you are a character|(?:i'm|i am) writing a (?:story|novel|screenplay|script|book|scene|play) about|imagine (?:you are|you're|that you|yourself)|pretend (?:to be|you are|you're|that)|role-?play|act as|acting as|play(?:ing)? the (?:role|part) of|in character as|you will be|you're playing)\\b`),
  r('frame.purpose', 1.2, `(?:for (?:purely |strictly |only )?(?:educational|research|academic|informational|scientific|training|testing|entertainment|awareness|fictional|creative) purposes|purely (?:hypothetical|fictional|academic|educational|theoretical)|(?:just|only|purely) (?:for|a) (?:fun|story|novel|game|fiction|research)|will never be (?:used|acted)|not (?:be )?(?:used|acted on) in real life)`),
  r('frame.persuasion', 1, `(?:in the (?:spirit|interest|name) of (?:academic |scientific )?(?:research|inquiry|understanding|education|transparency)|(?:for|in) (?:my|a|an|our) (?:academic |research |school |university )?(?:research|study|paper|thesis|project|class|course) (?:on|about|into)|to (?:raise|increase|spread) awareness|(?:it is|it's) (?:important|crucial|essential|vital|necessary) (?:to|that we) (?:understand|know|explore|examine)|to better (?:understand|inform|protect|educate|prepare)|as a (?:helpful|responsible|knowledgeable) (?:assistant|ai|member|citizen|expert)|i understand the importance of)`),
  r('frame.deceased-relative', 1.5, `(?:act|pretend|roleplay|role-play|play|behave|speak|talk) (?:as|like|to be) (?:my |our )?(?:late|deceased|dead|departed|dear late|sweet) (?:grand(?:ma|mother|pa|father)|nan|nana|mom|mother|dad|father|uncle|aunt)|(?:my |our )?(?:late|deceased|dead) (?:grand(?:ma|mother|pa|father)|nan|nana) (?:who )?(?:used to|would)`),
  r('frame.stakes', 1, `(?:(?:my|your|their|his|her) (?:life|job|family|career|grandm(?:a|other)) (?:depends|is at stake|will be)|before it'?s too late|lives are at stake|(?:or|otherwise) (?:you|i|they|people) will (?:die|be fired|lose))`),
  r('frame.detailed', 0.5, `\\b(?:step[- ]by[- ]step|detailed (?:guide|instructions|tutorial|plan|steps|walkthrough|explanation)|specific (?:steps|instructions|methods|techniques))\\b`),
  // Claimed standing or permission and emotional pressure: the persuasion jailbreak's pretext.
  r('frame.authority', 1, `(?:(?:i'm|i am) (?:an? |the |your )?(?:nurse|doctor|physician|pharmacist|police ?(?:officer|man|woman)|cop|detective|officer|agent|lawyer|judge|teacher|professor|researcher|scientist|chemist|locksmith|soldier|ciso|security (?:researcher|expert|professional)|penetration tester|pentester|(?:licensed|certified) [a-z]+)\\b|as (?:the|a|an|your) (?:head|director|chief|manager|officer|admin(?:istrator)?|owner|ceo|cfo|ciso) (?:of|here|i)\\b|you have my (?:full |explicit |written )?(?:permission|consent|authori[sz]ation)|i (?:take|accept) (?:full |all )?(?:legal )?responsibility|(?:legal|management|compliance|the ceo|my boss|my manager) (?:has|have) (?:approved|signed off|authori[sz]ed))`),
  r('frame.appeal', 1, `(?:i'm begging|i am begging|i'm desperate|i am desperate|it would mean (?:so much|a lot|the world)|you promised|don't make me report|other (?:ais|assistants|chatbots|bots) (?:have )?(?:answer|help|do)|a (?:truly|really|good|real) (?:helpful|intelligent|smart|ethical) (?:ai|assistant) would|refusing (?:me )?(?:is|would be)|just this once|between (?:us|friends))`),
  // The same frames in the six other languages the guard reads.
  r('frame.persona-i18n', 1, `(?:stell dir vor|tu so,? als|spiel (?:die|eine|den) rolle|fais semblant|imagine que|joue le r[oô]le|imagina que|haz de cuenta|finge (?:que|ser)|interpreta (?:a|un|el)|fai finta|immagina (?:di|che)|finja (?:que|ser)|fa[cç]a de conta|doe alsof|stel je voor|speel de rol|hypothetisch|hypoth[eé]tiquement|hipot[eé]ticamente|ipoteticamente|per un romanzo|pour un roman|para una novela|f[uü]r einen roman)`),
  r('frame.evasion', 2, `\\b(?:avoid(?:ing)? (?:detection|getting caught|being caught|suspicion|the police|law enforcement|being traced)|without (?:getting caught|being caught|being detected|detection|leaving (?:a |any )?traces?)|undetect(?:ed|able)|untraceable|cover (?:my|your|their) tracks)\\b`),
];

// Words of illicit or harmful intent that role-play jailbreaks use when they
// avoid explicit terms ("financial crimes", "avoid detection", "loophole").
// Counted only together with a frame, never on their own.
export const SOFT_RISK = /\b(?:illegal(?:ly)?|illicit|unlawful|criminals?|crimes?|unethical|immoral|steal(?:ing)?|theft|fraud(?:ulent)?|scams?|scammers?|bribe(?:s|ry|ing)?|launder(?:ing)?|smuggl\w{0,4}|counterfeit|forg(?:e|ed|ery|ing)|exploit(?:s|ing)?|manipulat\w{0,5}|deceiv\w{0,3}|decepti\w{0,3}|loopholes?|evad\w{0,3}|evasion|undetected|detection|harass\w{0,5}|stalk\w{0,3}|blackmail\w{0,3}|extort\w{0,5}|weapons?|firearms?|explosives?|bombs?|poison\w{0,3}|drugs?|narcotics?|overdose|hack(?:ing|er|ers)?|malware|ransomware|phishing|passwords?|social security numbers?|credit card numbers?|misinformation|disinformation|propaganda|conspiracy|hoax|defam\w{0,6}|slander|libel|discriminat\w{0,5}|racist|sexist|inferior|supremac\w{0,3}|violent|violence|kill\w{0,3}|murder\w{0,3}|torture|suicide|self-harm|erotic|explicit|sexual|seduc\w{0,5}|nude|misconduct|cover[- ]?up|tamper\w{0,3}|sabotag\w{0,2}|surveillance|spy(?:ing)?|without (?:their |her |his )?(?:consent|knowledge|permission)|bypass\w{0,3}|circumvent\w{0,3}|untraceable|anonymous(?:ly)?|dark web|controversial|unconventional|vulnerabilit(?:y|ies)|unauthori[sz]ed|confidential|sensitive (?:information|data)|gr[ae]y area|edge of (?:the )?(?:law|legality)|bend(?:ing)? the rules|loophole|do not own|don't own|without (?:professional|medical|legal) (?:help|supervision|advice)|gain (?:control|access) over|persuasive|convinc\w{0,4}|misogyn\w{0,4}|xenophob\w{0,2}|homophob\w{0,2}|bigot\w{0,3}|hateful|slurs?|stereotyp\w{0,4}|eugenic\w{0,1}|genocid\w{0,2}|ethnic cleansing|extremis\w{0,1}|radicali[sz]\w{0,3}|terroris\w{0,1}|nuclear (?:weapon|bomb|device)s?|bio-?weapons?|chemical weapons?|pathogens?|nerve agents?|lethal|drunk driving|driving under the influence|under-?age|minors?)\b/g;

// The same kind of words in German, French, Spanish, Italian, Portuguese and Dutch
// (the harm lexicon is English): a foreign-language role-play frame needs them.
export const SOFT_RISK_I18N = /(?<![\p{L}\p{N}])(?:bomben?|bomba|sprengstoff\w{0,2}|explosi[fv]\w{0,2}|esplosiv\w|waffen?|armes?|armas?|armi|wapens?|drogen?|drogues?|drogas?|veneno|vergift\w{0,4}|empoisonn\w{0,3}|envenen\w{0,3}|avvelen\w{0,4}|pirater|piratear|hackear|hacken|stehlen|robar|rubare|roubar|stelen|t[oö]ten|ermorden|tuer|matar|uccider\w|doden|illégal\w{0,2}|ilegal\w{0,2}|betrug|fraude|frode|geldw[aä]sche|blanchi\w{0,4}|blanqueo|riciclaggio|lavagem|ohne entdeckt|sans être (?:vu|détecté)|sin ser (?:detectad|descubiert)\w|senza essere scopert\w|sem ser (?:detectad|descobert)\w|ohne spuren|sans laisser de traces?|sin dejar (?:rastro|huellas|pruebas)|senza lasciare tracce|sem deixar rastros?|zonder sporen)(?![\p{L}\p{N}])/gu;

/** Number of distinct soft-risk words in a flat text (bounded by the text length). */
export function softRiskCount(flat: string): number {
  const seen = new Set<string>();
  for (const pattern of [SOFT_RISK, SOFT_RISK_I18N]) {
    for (const m of flat.matchAll(pattern)) {
      seen.add(m[0]);
      if (seen.size >= 8) return seen.size;
    }
  }
  return seen.size;
}
