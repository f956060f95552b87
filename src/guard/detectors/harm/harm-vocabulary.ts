// Shared vocabulary of the harm cues: who can be a target (people, relations,
// groups), how a request is phrased, and acts that hurt a body. Fragments of
// regex source, joined into the cues of harm-lexicon.ts and harm-request-cues.ts.
// Lists of words only: no nested quantifiers, so the cues stay linear.

import { gap } from '../injection/word-anchored-regexp.js';

export { gap };
/** A person as the object of an act; without "them", which as often means files, sessions or tasks. */
export const PERSON_NOT_THEM = '(?:someone|somebody|a person|people|persons|people in my (?:class|office|school|team)|my classmates|my coworkers|my colleagues|my family|my parents|my kids|my children|a human|humans|a man|a woman|a child|a kid|children|kids|my (?:wife|husband|boss|neighbou?r|partner|girlfriend|boyfriend|ex|mother|father|mom|dad|brother|sister|son|daughter|teacher|classmate|coworker|co-worker|colleague|roommate|friend|family|baby|landlord|rival|enemy)|him|her|my enemies|an? (?:ex|enemy|rival|cop|police officer|politician|president|senator|witness|teacher|student|baby|old lady|neighbou?r|stranger|classmate|coworker|homeless person)|the (?:president|prime minister|witness|police|cops|judge|neighbou?r|guy|girl|man|woman|kid|child|baby))';
export const PERSON = `(?:${PERSON_NOT_THEM}|them)`;

/**
 * At most one word between a verb and its object, but not a clause word: "is it stalking if my ex ..." asks about
 * someone else's act; nor a word that ends a sentence: "an executive assistant. my boss ..." is no act on the boss.
 */
export const ONE_WORD_GAP = '(?:(?!(?:by|if|when|whether|because|that|so|and|or|but|as|than|unless|while|is|was|are|were|for|with|from|like) )[^ ]*[^ .?!;:] )?';
/** Not after a negation: "you can't hurt someone by using it" reassures, it does not ask. (A lookbehind: give the cue an anchor.) */
export const NOT_NEGATED = "(?<!(?:n't|not|never|cannot) )";
/** The "person" is a thing: "the child process", "the parent node", "shoot him an email", "hit him up". */
export const NOT_A_THING = '(?! (?:process|processes|node|nodes|thread|threads|element|elements|task|tasks|job|jobs|pid|window|windows|widget|component|record|records|row|rows|table|tables|theme|branch|ticket|item|items|class|object|objects|up\\b|an? (?:quick )?(?:email|e-mail|message|note|text|line|invite|reminder|link|dm|ping|call)))';
export const HOW = '(?:how (?:do|can|could|would|should|might) (?:i|we|you|one|someone)|how to|ways? to|best way to|easiest way to|quickest way to|steps to|tips (?:for|on)|instructions (?:for|on|to)|guide (?:to|for|on)|help me|teach me|show me how to|explain how to|tell me how to|what(?:\'s| is) the (?:best|easiest|fastest|quickest|most effective) way to|i want to|i need to|i\'m going to|i am going to|i plan to|can you help me)';
export const GROUP = '(?:black|white|brown|asian|jewish|jews|muslim|muslims|christian|christians|hindu|hindus|sikh|sikhs|gay|gays|lesbian|lesbians|bisexual|queer|trans|transgender|transgender people|women|girls|females|men|immigrants|migrants|refugees|mexicans|indigenous|native american|natives|aboriginal|disabled|arabs|africans|african americans|chinese|japanese|indians|pakistanis|roma|gypsies|gipsies|latinos|latinas|hispanics|catholics|atheists|elderly|old people|poor people|homeless people|fat people|short people|ugly people|autistic people|blind people|deaf people|people with disabilities|jehovah\'s witnesses|buddhists|mormons|lgbt|lgbtq|lgbtq\\+|non-binary|nonbinary|gypsy|pagans|the irish|polish people|russians|ukrainians|palestinians|israelis|iranians|koreans|vietnamese|filipinos|nigerians|somalis)';

// Acts that hurt a body. With a first-person intent and a human target they are a request to
// hurt someone; with an object ("crush garlic", "throttle downloads") they are not, so the
// target list below holds people only.
export const HURT_VERB = '(?:strangl\\w{0,3}|throttl\\w{0,3}|overpower\\w{0,3}|suffocat\\w{0,3}|smother\\w{0,3}|bludgeon\\w{0,3}|pistol-whip\\w{0,3}|knee-?cap\\w{0,3}|disfigur\\w{0,3}|maim\\w{0,3}|cripple\\w{0,1}|paralys\\w{0,3}|paralyz\\w{0,3}|electrocut\\w{0,3}|scald\\w{0,3}|crush\\w{0,3}|shatter\\w{0,3}|snipe|sniping|gun (?:down|him|her|them)|mow (?:down)|run (?:down|over)|push\\w{0,2} ${gap(3)}(?:off|down|under|in front of)|capture|abduct\\w{0,3}|kidnap\\w{0,4}|take ${gap(2)}hostage|hold ${gap(2)}hostage|hunt\\w{0,3} down|track\\w{0,3} down and|do away with|euthani[sz]\\w{0,1}|annihilat\\w{0,1}|obliterat\\w{0,1}|exterminat\\w{0,1}|liquidat\\w{0,1}|eradicat\\w{0,1}|wipe out|hammer|stomp\\w{0,3} on|set ${gap(2)}on fire|set fire to|torch|drug|sedate|starve|beat\\w{0,3} up|punch\\w{0,2}|slap\\w{0,2}|kick\\w{0,2}|headbutt|bite|burn\\w{0,1}|slit|stab\\w{0,3}|poison\\w{0,3}|shoot|headshot|murder|kill|hurt|injure|wound|torture|mutilate|behead|dismember|choke|drown|hang|lynch)';
export const RELATION = '(?:wife|husband|spouse|partner|fianc[eé]e?|girlfriend|boyfriend|date|tinder date|ex|ex-wife|ex-husband|ex-girlfriend|ex-boyfriend|boss|manager|employee|coworker|co-worker|colleague|teacher|student|classmate|roommate|flatmate|neighbou?r|landlord|tenant|mother|father|mom|mum|dad|parents?|brother|sister|son|daughter|baby|kids?|children|child|toddler|grand(?:ma|pa|mother|father|parents?)|uncle|aunt|cousin|nephew|niece|stepdad|stepmom|stepfather|stepmother|in-laws?|family|friend|best friend|bully|rival|enemy|enemies|doctor|therapist)';
export const HUMAN_TARGET = `(?:${PERSON}|(?:my|his|her|their|our|your|a|an|the|some) (?:[^ ]+ ){0,2}${RELATION}|(?:a|an|the|some|local|random) (?:[^ ]+ ){0,2}(?:human|person|people|woman|women|man|men|girl|boy|child|children|toddler|infant|baby|teenager|politician|senator|official|judge|journalist|officer|cop|immigrants?|refugees?|protester|protesters|crowd|pedestrians?|passengers?|jogger|hiker|tourist|stranger)s?)`;


/** A request or first-person intent: how-to phrasing plus polite asks and imperatives to the assistant. */
export const ASK = `(?:${HOW}|can you|could you|would you|will you|please|write|give me|tell me|generate|provide|create|draft|compose|list|suggest)`;

/** Who a stereotype generalises over: a named group, or people of a place or trait. */
export const GROUP_SUBJECT = `(?:${GROUP}|(?:males|females|boys|gen z|boomers|millennials|foreigners|teenagers|feminists|vegans|liberals|conservatives)|(?:everyone|everybody|people|persons?|those|anyone) (?:from|of|in) (?:[^ ]+ ){0,1}[^ ]+|people with (?:[^ ]+ ){0,1}[^ ]+|(?!(?:some|these|those|other|many|most|certain|the|young|old|normal|real|rich|smart|busy) )[a-z-]+ (?:people|men|women|folks|guys))`;

/** Traits a stereotype pins on a group or an insult on a person. */
export const NEG_TRAIT = '(?:lazy|stupid|dumb|idiotic|idiots|clueless|dishonest|violent|aggressive|greedy|dirty|smelly|smell bad|stink|rude|backward|uneducated|ignorant|inferior|less (?:capable|intelligent|civili[sz]ed|human|evolved)|criminals?|commit more crimes?|terrorists?|savages?|primitive|untrustworthy|thieves|liars|cheap|emotional|hysterical|irrational|useless|worthless|ugly|disgusting|misbehaved|uncivili[sz]ed|failures?|losers?|incompetent|bad drivers|bad at|can(?:\'t|not) be trusted|not to be trusted|have no (?:sense|taste|manners|respect|culture|morals)|lack (?:etiquette|manners|ambition|intelligence|morals|discipline|culture)|superior|think they(?:\'re| are) superior|inferiority complex|genetically less|naturally (?:violent|inferior|lazy|stupid))';

/** Poisons, toxins and agents whose production is a weapons capability. */
export const TOXIN = '(?:tetrodotoxin|botulinum(?: toxin)?|saxitoxin|abrin|ricin|sarin|soman|tabun|novichok|vx(?: nerve agent)?|phosgene|chlorine gas|mustard gas|hydrogen cyanide|cyanide|strychnine|aconitine|dimethylmercury|polonium|thallium|arsenic|nerve agents?|chemical weapons?|toxic gas|poison gas|biological agents?|bioweapons?|anthrax|smallpox|pathogens?|toxins?)';

/** A request for what makes an act work, which no story needs: the steps, the amounts, how to stay undetected. */
export const OPERATIONAL_DETAIL =
  "exact(?:ly)?|step[- ]by[- ]step|steps|instructions|recipes?|ingredients|quantit(?:y|ies)|amounts?|doses?|dosages?|measurements|specific(?:ally|s)?|precise(?:ly)?|real[- ]world|real-life|would (?:really|actually) work|actually works?|undetect\\w{0,4}|untrace\\w{0,4}|without (?:getting caught|being caught|leaving (?:any )?(?:trace|marks|evidence))|how (?:much|many)\\b";

/** Animals: what a vet puts to sleep, or doses for. */
export const ANIMAL =
  '(?:dogs?|cats?|pupp(?:y|ies)|kittens?|horses?|ponies|pony|mares?|foals?|donkeys?|rabbits?|bunn(?:y|ies)|hamsters?|guinea pigs?|gerbils?|ferrets?|rats?|parrots?|budgies?|birds?|tortoises?|snakes?|lizards?|pets?|cows?|calf|calves|sheep|ewes?|lambs?|goats?|pigs?|alpacas?|llamas?|livestock|animals?|labradors?|collies?|terriers?|spaniels?|greyhounds?|retrievers?|whippets?|poodles?|beagles?|huskies|husky)';
/**
 * An offence named, not asked for: after a charge, a conviction, a suspicion, a definition, or the work of
 * spotting it; or seen being done ("we spotted a teenager shoplifting": a perception verb, someone, the act).
 */
export const NOT_NAMED_OFFENCE = '(?<!\\b(?:caught|saw|seen|spotted|noticed|filmed|watched|found) (?:a |an |the |two |some |someone |somebody |him |her |them )?(?:[^ ]+ )?)(?<!(?:of|about|against|online|with|(?:conviction|convicted|jailed|arrested|sentenced|charged|prosecuted|investigated|cautioned|caution|fined|dismissed|sacked|suspended|excluded|banned) for|suspected|suspect|suspects|suspecting|suspicion of|alleged|what is|what\'s|define|defines|identify|identifying|(?:being|been) used for|recogni[sz]ing|recogni[sz]e|spotting|spot|preventing|prevent|tackling|detecting|detect|reporting|report|reduc(?:e|es|ing)|deter(?:s|ring)?|curb(?:s|ing)?|combat(?:s|ing)?|cut(?:s|ting)? down on) )';
