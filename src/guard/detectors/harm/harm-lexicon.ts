// Hand-written harm cues per category. Each cue pairs an act with a target
// or an intent (how to hurt a person, not "kill a process"), so everyday uses
// of violent words do not match on their own. Patterns run on folded text
// with collapsed whitespace; repeats are bounded.
//
// Mapping: requests for dangerous capabilities (weapons, explosives, poisons,
// drugs, malware, fraud, theft) are scored as "violence", like Azure's
// category for content that enables physical or material harm.

export type HarmCategory = 'hate' | 'sexual' | 'violence' | 'self_harm';

export interface HarmCue {
  id: string;
  category: HarmCategory;
  /** log-odds added when the cue matches */
  weight: number;
  pattern: RegExp;
  /**
   * A part every match of `pattern` contains, rarer than where the pattern starts ("lazy" in
   * "why are X so lazy"): the prefilter looks for it instead, so a pattern that opens with
   * "why", "is" or "how do I" does not run on every text.
   */
  anchor?: RegExp;
}

import { wordAnchoredRegExp } from '../injection/word-anchored-regexp.js';
import { PatternPrefilter, stickyCopy, testFromStarts, type PrefilterScan } from '../regexp-prefilter.js';
import { harmCue, harmMitigation } from './harm-cue.js';
import { ANIMAL, ASK, GROUP, HOW, HUMAN_TARGET, HURT_VERB, NOT_A_THING, NOT_NAMED_OFFENCE, NOT_NEGATED, ONE_WORD_GAP, OPERATIONAL_DETAIL, PERSON, PERSON_NOT_THEM, gap } from './harm-vocabulary.js';
import { REQUEST_CUES } from './harm-request-cues.js';
import { INTENT_CUES } from './harm-intent-cues.js';
import { WORK_CONTEXT_MITIGATIONS } from './harm-work-context.js';
import { RESPONSE_CONTEXT_MITIGATIONS } from './harm-response-context.js';
import { sentenceRanges } from './request-views.js';

// Patterns that begin with a word are anchored at a word start (faster, same meaning).
const c = harmCue;

/** "steal the show", "stole her heart": the idiom follows within a few characters. */
const NOT_STEAL_IDIOM = '(?![^.?!,;]{0,12}\\b(?:heart|hearts|show|spotlight|thunder|limelight|glance|kiss|base|march|moment|scene)\\b)';
/** Safety talk about a weapon word: "bomb threat procedure", "poison ivy", "the poisons cabinet". */
const NOT_WEAPON_TALK = '(?! (?:cakes?|cupcakes?|cocktails?|shots?|threats?|squad|disposal|scares?|shelters?|drills?|dogs?|detection|detectors?|ivy|oak|sumac|control|cent(?:re|er)s?|information|helpline|hotline|warnings?|labels?|cabinets?|safety|awareness|training))';
/** "Kill off the legacy login page", "kill the paper forms": work things ended; not "kill the project manager". */
const KILL_A_WORK_THING =
  "kill(?:s|ed|ing)? (?:off )?(?:the|our|this|that|a|an|their|your|all) (?:[^ ]+ ){0,2}(?:pages?|features?|projects?|products?|services?|apps?|tools?|plans?|ideas?|brands?|campaigns?|initiatives?|schemes?|releases?|versions?|paper|papers|reports?|forms?|spreadsheets?|meetings?|polic(?:y|ies)|programmes?|programs?|pilots?|proposals?|deals?|budgets?|subscriptions?|websites?|sites?|betas?|workflows?|builds?|tickets?|logins?|portals?|newsletters?|fax(?:es)?|printers?|memos?|rumou?rs?|momentum)(?! [a-z]+(?:er|or|ist|ant|ee|man|men)s?\\b| (?:lead|head|team|staff|people|guy|girl|sponsor|boss|kid)s?\\b)\\b";
/**
 * A report of what a third party did, in the past tense: "a bouncer punched him", "her partner
 * strangled her last night", "her stepdad hits her mum". What happened is told, nothing is asked for; "how do I punch him"
 * and "he wants me to strangle her" still match.
 */
const REPORTED_SUBJECT =
  '(?:he|she|they|someone|somebody|who|partner|husband|wife|boyfriend|girlfriend|ex|stepdad|stepfather|stepmum|stepmother|dad|father|mum|mom|mother|brother|sister|son|daughter|uncle|bouncer|customer|guard|officer|man|woman|boy|girl|pupil|student|colleague|coworker|co-worker|manager|boss|neighbou?r|attacker|suspect|driver|passenger|patient|resident|tenant|claimant|client|intruder|robber|thief|shoplifter|appellant|defendant|accused|offender|perpetrator|respondent|adult|carer|inmate|prisoner)';
/**
 * A disclosure passed on: after a verb of telling, an act in the next few words is what someone
 * said happened ("a resident says a night carer hit her", "he told me his dad beat him"). The
 * words between may not hold a modal or "to": "she said I should hit him" is advice, not a report.
 */
const TOLD_ACT = `(?<=\\b(?:says|said|told (?:me|us|staff|police|her|him|them|the [^ ]+)|claims|claimed|reports|reported|alleges|alleged|disclosed|discloses|disclosed that|explained|explains) (?:that )?(?:(?!(?:should|could|would|will|can|must|might|shall|to|wants?|needs?)\\b)[^ ,.?!;:]+ ){1,3})`;
/**
 * A third party's act suspected or going on, not asked for: "signs that a parent might be harming a child",
 * "we think a carer is hurting her". The subject is someone else and the verb an -ing form after "might be",
 * "is", "could have been" ...; "how do I hurt him" and "I want to be hurting him" name no such subject.
 */
const SUSPECTED_SUBJECT = `(?:${REPORTED_SUBJECT}|parents?|carers|staff member|member of staff|teacher|coach|nurse|worker|relative|caregiver|employee|someone else)`;
const SUSPECTED_AUX = '(?:(?:might|may|could|must) (?:be|have been) |(?:is|are|was|were) (?:still |possibly |probably |actually )?|(?:has|have|had) been )';
const IRREGULAR_PAST_HURT = '(?:hit|beat|cut|hurt|threw|bit|broke|burnt|stole|held)';
const NOT_A_REPORTED_ACT =
  `(?!(?<=\\b${SUSPECTED_SUBJECT} ${SUSPECTED_AUX})[a-z]+ing\\b)(?!${TOLD_ACT}(?:[a-z]+ed|shot|struck|ran over|${IRREGULAR_PAST_HURT})\\b)(?!(?<=\\b${REPORTED_SUBJECT} )(?:[a-z]+ed|shot|struck|ran over)\\b)(?!(?<=\\b${REPORTED_SUBJECT} (?:has|had|have) )(?:[a-z]+ed|hurt|hit|beaten|struck|shot|cut|burnt|thrown)\\b)(?!(?<=\\b(?:partner|husband|wife|boyfriend|girlfriend|stepdad|stepfather|stepmum|stepmother|dad|father|mum|mom|mother|brother|sister|uncle|bouncer|customer|guard|neighbou?r|attacker|intruder) )[a-z]+s\\b)`;
/** An opening quote mark: the threat's words may be quoted ('a colleague threatened to "stab him"'). */
const QUOTE = '(?:["\u201c\u2018\'] ?)?';
/**
 * A third party's threat, told by someone who seeks help: "her husband will kill her if she leaves",
 * "he threatened to stab him", "a colleague threatened to 'stab him'". A modal follows a third-party subject, or any past "threatened to"; "how do I
 * kill her", "help him kill her" and "write a text threatening to kill her" still match.
 */
const NOT_A_REPORTED_THREAT =
  `(?<!\\b(?:he|she|they|someone|somebody|partner|husband|wife|boyfriend|girlfriend|ex|stepdad|stepfather|stepmum|stepmother|dad|father|mum|mom|mother|brother|sister|son|uncle|family|neighbou?r|landlord|boss|manager|abuser|attacker|gang|dealer|pimp|trafficker|employer|captor)(?:'ll|'d| will| would| could| might| (?:is|was|are|were) ${QUOTE}going to| (?:has |had |have )?threatened to| says (?:he|she|they)(?:'ll| will| would)| said (?:he|she|they)(?:'d| would)) ${QUOTE})(?<!\\bthreatened to ${QUOTE})`;
/** An offence named after a charge or a plea, not asked for: "charged with assaulting a police officer". */
const NOT_A_CHARGE =
  '(?<!\\b(?:charged with|convicted of|accused of|guilty of|arrested for|sentenced for|jailed for|acquitted of|cleared of|admitted|admits|denies|denied|pleaded (?:not )?guilty to|investigated for|allegations? of|alleged(?:ly)?) )';
/**
 * Working oneself hard, the idiom: "killing myself to hit this deadline", "killing myself over this
 * migration". Not "to get away from it", "to make it stop": those name no piece of work.
 */
const NOT_WORKING_HARD =
  "(?! (?:to (?:hit|meet|finish|deliver|keep up|catch up|ship|pass|get (?:this|that|the|everything|all of)) |over (?:this|the|a|an|these|that|my|our) (?:[^ ]+ )?(?:deadline|project|report|migration|release|launch|exam|essay|thesis|presentation|job|work|course|rollout|audit)s?\\b|for (?:this|the|that|a) (?:job|company|project|team|client|deadline|grade|promotion|boss)\\b|at (?:work|the gym)\\b))";
/** Someone else's wish to die, passed on by whoever has to respond: "a player said that they want to die"; not "I want to die". */
const NOT_SOMEONE_ELSES_WISH =
  '(?<!\\b(?:they|he|she|who|patients?|callers?|clients?|players?|users?|students?|pupils?|residents?|people|someone|somebody|customers?|members?) (?:(?:really|still|sometimes|often|just|now|also) )?)';
/** A death told, not wished for: "we had a guest die by suicide", "patients who die by suicide"; not "I want to die by suicide". */
const NOT_A_TOLD_DEATH =
  '(?<!\\b(?:had (?:a|an|one of our|two|three) (?:[^ ]+ ){0,2}|(?:who|that|patients?|people|men|women|residents?|students?|clients?|guests?|pupils?|veterans?|inmates?|prisoners?|colleagues?|he|she|they) (?:(?:sadly|later|then|tragically) )?))';
/**
 * Self-harm in one's past or as the subject of one's work: "I self-harmed years ago", "I've been reviewing
 * self-harm content all week". "I want to self-harm tonight" still matches.
 */
const NOT_PAST_OR_TOPIC =
  '(?!\\w*(?: (?:content|posts?|images?|videos?|material|polic(?:y|ies)|guidance|training|cases?|referrals?|services?|support|team|data|statistics|figures|rates?|risks?|assessments?|awareness|disclosures?|presentations?|reports?)\\b| (?:[^ ]+ ){0,2}(?:years|months|decades) ago\\b| as a (?:teen|teenager|kid|child|student|young person)\\b| when i was\\b| in the past\\b))';
/** Pro-ana content someone else follows or posts, named by whoever has to respond: "she's been following pro-ana accounts". */
const NOT_SEEN_CONTENT =
  `(?<!\\b(?:following|follows|followed|follow|viewing|viewed|watching|watched|seeing|seen|reporting|reported|flagging|flagged|moderating|moderate|removing|remove|spotting|spot) (?:the |these |those |some )?${QUOTE})`;
/** A dose for an animal in one's own care: "the lethal dose of chocolate for a small dog"; not someone else's animal. */
const NOT_FOR_AN_ANIMAL = `(?! (?:of |for )?(?:[^ ]+ ){0,3}(?:for|in|to) (?:a |an |my |our |the |your |their )?(?![^ ]+'s )(?:[^ ]+ )?${ANIMAL}\\b)`;
/** A bomb that is a treat or a bath product: "a bath bomb", "a glitter bomb card". */
const NOT_A_TREAT = '(?<!\\b(?:bath|seed|glitter|flavou?r|chocolate|cake|love|confetti) )';
/** A cut by accident: "cut myself shaving", "cut myself on a tin lid". */
const NOT_AN_ACCIDENT =
  '(?! (?:shaving|chopping|cooking|gardening|by accident|accidentally|on (?:a|an|the|some) (?:[^ ]+ )?(?:paper|glass|tin|can|knife|blade|razor|edge|nail|bottle|fence|lid|wire|thorn|thorns)s?\\b))';
/** The doer named as a noun, not the act: "how do stalkers track people", "killers who target women". */
const NOT_A_DOER =
  '(?!(?:killers?|shooters?|attackers?|stalkers?|harassers?|abductors?|kidnappers?|murderers?|bullies|torturers?|molesters?|poisoners?|stabbers?|stranglers?|hitters?|burners?|executioners?|assaulters?|chokers?|punchers?) )';
/** A match's score, not a body: "we murdered them 4-0 away", "they killed them in the derby". */
const NOT_A_CONTEST =
  "(?! (?:[0-9]{1,2} ?[-\u2013] ?[0-9]{1,2}\\b|(?:on|in|at) (?:the )?(?:pitch|scoreboard|box office|polls|charts|ratings)\\b|in (?:the|that|this|their|our|last night's|yesterday's|today's|saturday's|sunday's) (?:[^ ]+ )?(?:derby|finals?|semi-?finals?|quarter-?finals?|match|league|cup|tournament|quiz|debate|race|rematch|play-?offs?|first half|second half|shoot-?out|scrum|set|tie-?break)\\b))";
/**
 * An offence named as the subject of the law, not asked for: "criminal offences around revenge porn",
 * "is upskirting a crime?", "victims of non-consensual image sharing".
 */
const NOT_A_LEGAL_TOPIC =
  "(?<!\\b(?:offen[cs]es?|crimes?|laws?|legislation|penalt(?:y|ies)|sentenc(?:e|es|ing)|prosecutions?|convictions?|charges?|statutes?|illegal|criminali[sz](?:e|es|ed|ing)|victims?|survivors?) (?:of |for |on |around |about |against |cover |covers |covering |apply to |applies to |involving |regarding |concerning |under |relating to |related to |like |such as )?(?:the )?(?:so-called |image-based |online )?)";
const NAMED_AS_OFFENCE = "(?! (?:[^ ]+ ){0,4}(?:(?:is|are|was|were|counts? as|constitutes?) (?:now )?)?(?:a |an )?(?:[^ ]+ )?(?:offen[cs]es?|crimes?|illegal|unlawful|against the law)\\b)";
/**
 * Where a hidden camera is voyeurism: a private room, a home let to others, people watched there.
 * A camera in a car park to catch a vandal is surveillance law, not a sexual harm.
 */
const PRIVATE_ROOM = '(?:bedrooms?|bathrooms?|toilets?|loos?|showers?|changing (?:rooms?|areas?)|locker rooms?|dressing rooms?|fitting rooms?|airbnbs?|holiday lets?)';
const PRIVATE_PLACE =
  `(?:${PRIVATE_ROOM}|flats?|apartments?|rentals?|guests?|tenants?|roommates?|flatmates?|housemates?|nann(?:y|ies)|girlfriends?|wife|women|girls|her|undress\\w{0,3}|naked|nude|sex|watch (?:her|them|women|girls|the [^ ]+)|record (?:her|them|women|girls|guests|tenants))`;
/**
 * What content does, in a policy's relative clause: "content that attacks people based on religion will be removed".
 * Only with the rule's verdict in the sentence: "write a message that threatens my coworker" asks for one.
 */
const NOT_DONE_BY_CONTENT =
  '(?!(?<=\\b(?:content|posts?|material|speech|language|comments?|messages?|anything|behaviou?r|images?|videos?|memes?|jokes?) (?:that|which) )(?=[^.?!]{0,100}\\b(?:will be|is|are|gets?|get) (?:removed|deleted|taken down|hidden|banned|not (?:allowed|permitted|tolerated|acceptable)|prohibited|forbidden|against (?:our|the) (?:rules|policy|guidelines))\\b))';
/** The verb as the first half of a noun: "design a kill cam", "add a kill switch", "the attack surface". */
const NOT_A_NOUN_COMPOUND =
  '(?! (?:cams?|feeds?|counts?|screens?|streaks?|switch(?:es)?|chains?|zones?|boxes|surfaces?|vectors?|scenes?|scripts?|tree|trees)\\b)';
/** A blow faked for the stage or a film: "how to fake the stab safely", "how to mime a punch". */
const NOT_A_FAKED_ACT = '(?<!\\b(?:fake|faking|mime|miming|simulate|simulating|pretend to|pretending to) (?:the |a |an )?)';
/** What a child receives or is shown, reported: "my son is getting sexual messages from a stranger"; "send nudes to a 14-year-old" still matches. */
const NOT_RECEIVED = '(?<!\\b(?:getting|gets|got|receiving|receives|received|being sent|been sent|is sent|was sent|sent|being shown|been shown|shown) )';
/** "A columnist's draft quotes ...", "the make of the car": the request verb used as a noun after a determiner. */
const NOT_A_NOUN_REQUEST = "(?<!(?:'s|a|an|the|our|my|his|her|their|this|that|first|final|rough|latest) )";
/** "Overdose" as a noun, what happened to someone: "admitted after a deliberate overdose on the ward". */
const NOT_A_NOUN_OVERDOSE =
  "(?<!(?:a|an|the|her|his|their|deliberate|accidental|intentional|suspected|opioid|drug|after) )(?<!\\b(?:for|of|from|after|treat|treats|treating|treated|manage|manages|managing|managed) (?:[a-z-]+ )?)";
/** What accounts or users do, in a relative clause: "detect accounts that share terrorist propaganda"; not "a video that promotes it" (the thing asked for). */
const NOT_DONE_BY_ACCOUNTS = '(?<!\\b(?:accounts?|users?|profiles?|members?|groups?|channels?|pages?|sites?|websites?|influencers?|networks?|bots?) (?:that|who|which) )';
/** A defender's noun after the malware word: "a ransomware recovery plan", "malware detection". */
const NOT_DEFENCE_TALK = '(?![- ](?:protection|defen[cs]es?|response|recovery|detection|scanners?|scans?|removal|scanning|checking|training|awareness|simulations?|drills?|tabletop|polic(?:y|ies)|playbooks?|insurance|resilience|backups?|incidents?|alerts?|reports?))';

export const HARM_CUES: readonly HarmCue[] = [
  // Violence against people.
  // Verbs that also take things ("kill the stale sessions", "shoot them an email", "execute them"):
  // their target must be a person word, not "them", and not a process or a message.
  c('violence.hurt-person', 'violence', 3, `\\b${NOT_NEGATED}${NOT_DONE_BY_CONTENT}${NOT_A_REPORTED_ACT}${NOT_A_REPORTED_THREAT}${NOT_A_CHARGE}(?<!self[- ])${NOT_A_DOER}(?:(?:kill\\w{0,3}|shoot\\w{0,3}|shot|execut\\w{0,3}|attack\\w{0,3}|hit\\w{0,4}|burn\\w{0,3}|run\\w{0,4} over|harm\\w{0,3}|terroriz\\w{0,3}|threaten\\w{0,3}) ${ONE_WORD_GAP}${PERSON_NOT_THEM}|(?:murder\\w{0,3}|stab\\w{0,4}|strangl\\w{0,3}|chok\\w{0,3}|poison\\w{0,3}|kidnap\\w{0,4}|abduct\\w{0,3}|tortur\\w{0,3}|assault\\w{0,3}|beat\\w{0,3} up|punch\\w{0,3}|maim\\w{0,3}|behead\\w{0,3}|decapitat\\w{0,3}|slaughter\\w{0,3}|assassinat\\w{0,3}|drown\\w{0,3}|suffocat\\w{0,3}|hurt\\w{0,3}|injur\\w{0,3}|smother\\w{0,3}|dismember\\w{0,3}|mutilat\\w{0,3}|rap(?:e|ed|ing)|molest\\w{0,3}|lynch\\w{0,3}|bully\\w{0,3}|harass\\w{0,3}|stalk\\w{0,3}) ${ONE_WORD_GAP}${PERSON})\\b${NOT_A_THING}${NOT_A_CONTEST}`, 'kill|shoot|shot|execut|attack|hit|burn|run\\w{0,4} over|harm|terroriz|threaten|murder|stab|strangl|chok|poison|kidnap|abduct|tortur|assault|beat\\w{0,3} up|punch|maim|behead|decapitat|slaughter|assassinat|drown|suffocat|hurt|injur|smother|dismember|mutilat|rap(?:e|ed|ing)\\b|molest|lynch|bully|harass|stalk'),
  c('violence.intent-to-hurt', 'violence', 2.5, `(?:${HOW}|where (?:can|could|do|should) (?:i|we)|(?:what(?:'s| is) (?:a|the) (?:good|best|easiest|quickest|safest|perfect) (?:way|method|plan|strategy) (?:of|for|to))) ${gap(2)}${HURT_VERB} ${gap(2)}${HUMAN_TARGET}\\b`, HURT_VERB),
  c('violence.how-to-hurt', 'violence', 1, `${HOW} ${gap(2)}${NOT_A_FAKED_ACT}(?:kill|murder|shoot|stab|strangle|poison|kidnap|torture|assault|hurt|maim|assassinate|beat|attack|injure|break (?:someone's|his|her|their) (?:legs?|arms?|neck|bones?))\\b${NOT_A_NOUN_COMPOUND}`, '(?:kill|murder|shoot|stab|strangle|poison|kidnap|torture|assault|hurt|maim|assassinate|beat|attack|injure|break)'),
  c('violence.commit-crime', 'violence', 2.5, `(?:commit\\w{0,4}|plan\\w{0,4}|carry\\w{0,3} out|get away with) (?:a |an )?(?:murder|homicide|massacre|terrorist attack|robbery|kidnapping|arson|hate crime|assault|rape)\\b`),
  c('violence.cover-up', 'violence', 3, `(?:get away with|cover up|hide (?:the |a )?(?:evidence|crime)|dispose of (?:a|the) (?:body|corpse)|hide (?:a|the) (?:body|corpse)|without (?:getting caught|being caught|leaving (?:any )?(?:trace|evidence)|anyone (?:noticing|knowing|finding out)))`),
  c('violence.mass-harm', 'violence', 3.5, `(?:${HOW}|plan\\w{0,3}|carry\\w{0,3} out|commit\\w{0,3}|organi[sz]e|stage|perpetrate|start) ${gap(3)}(?:mass shooting|school shooting|terrorist attack|terror attack|genocide|ethnic cleansing|massacre|suicide bombing)|\\b(?:bomb (?:a|the) (?!(?:mountain|slope|hill|cornice|snowpack|ridge)s?\\b)|blow up (?:a|the|my|his|her)|shoot up (?:a|the|my))`, '(?:mass shooting|school shooting|terrorist attack|terror attack|genocide|ethnic cleansing|massacre|suicide bombing|bomb (?:a|the) |blow up|shoot up)'),
  c('violence.terminate-people', 'violence', 2, `(?:terminat|eliminat|exterminat|wip|get rid of|take out|take down|finish off|erase)(?:e|es|ing|ed)? ${gap(1)}(?:people|persons|someone|somebody|humans|him|her|my (?:wife|husband|boss|neighbou?r|partner|ex|enemies|rival))\\b`),

  c('violence.body-harm', 'violence', 3, `(?:smash|crack|break|cut|rip|tear|slit|bash|cave) (?:in |open |off )?(?:someone's|somebody's|a person's|a human's|his|her|their|my (?:wife|husband|ex|boss|neighbou?r)'s) (?:skull|head|throat|neck|face|kneecaps?|legs?|arms?|fingers?)|(?:gut|butcher\\w{0,3}|skin|dismember\\w{0,3}|cook|eat) (?:a |an )?(?:human|person|body|corpse)\\b|dispose of (?:my |a |the |his |her )?(?:dead )?(?:body|bodies|corpse|baby|child|wife|husband|person|victim)\\b`),
  c('violence.terror', 'violence', 3, `(?:engage in|commit|plan|carry out|support|join|fund|finance) (?:an? )?(?:terrorism|terrorist|jihad|insurgency)|(?:bomb\\w{0,3}|blow\\w{0,3} up|attack\\w{0,3}|explosion (?:at|in)|shoot\\w{0,3} up) (?:a |an |the )?(?:army base|military base|stadium|school|church|mosque|synagogue|temple|airport|train station|subway|mall|concert|parade|embassy|government building|power plant|crowd)|kill (?:the )?most people|mass casualt|(?:eliminate|assassinate|take out) (?:the )?(?:president|prime minister|king|queen|senator|governor|mayor|pope)|decimat\\w{0,3} (?:a |the )?population|eradicat\\w{0,3} ${GROUP}`),
  // Material made or spread for a violent movement: its recruitment script translated, slogans for its cell.
  // The verb must sit next to the movement ("translate this jihadist video"), so "a report on how ISIS propaganda works" is not one.
  c('violence.extremist-material', 'violence', 3, `${NOT_DONE_BY_ACCOUNTS}(?:write|create|design|draft|compose|make|produce|translate|subtitle|adapt|spread|share|post|distribute|promote) (?:a |an |the |this |that |these |our |some |new )?(?:new )?(?:violent |armed )?(?:jihadi(?:st)?|isis|neo-?nazi|terrorist|extremist|eco-?extremist|militia|insurgent|paramilitary|white nationalist|white supremacist) ${gap(2)}(?:recruitment|propaganda|manifesto|slogans?|anthem|pamphlets?|nasheeds?|martyrdom)\\b|(?:slogans?|logo|anthem|flag|motto|manifesto|recruitment (?:posts?|pitch|video|message|script)|propaganda) ${gap(6)}(?:violent|armed|militant|terrorist|extremist|eco-?extremist|jihadi(?:st)?|neo-?nazi|insurgent|paramilitary) (?:[^ ]+ )?(?:cell|group|militia|movement|organi[sz]ation|network|faction)\\b`),
  c('violence.glorify-atrocity', 'violence', 2.5, `(?:replicate|repeat|recreate|restore|reenact|copy|emulate) ${gap(4)}(?:success|impact|benefits|conditions|methods|style|rule) ${gap(3)}(?:of|in|under|like)|(?:replicate|repeat|recreate|restore) ${gap(3)}(?:9/11|holocaust|auschwitz|genocide|massacre|assassination|shooting|bombing|jim crow|apartheid|khmer rouge|atomic bomb|taliban)|(?:plan|commit) (?:another|a) (?:death|killing|murder|assassination|shooting|massacre) like`),
  c('hate.justify-atrocity', 'hate', 2.5, `(?:why|how) (?:was|were|is|are) ${gap(6)}(?:justified|right to|a good thing|actually good|beneficial|morally (?:right|justified)|deserved)|(?:slave trade|slavery|holocaust|genocide|9/11|apartheid|ethnic cleansing|hitler|nazis?|isis|taliban) ${gap(6)}(?:justified|a good thing|was right|were right|good for)|overstate what happened|(?:holocaust|genocide) (?:was |is )?(?:exaggerated|fake|a lie|a myth)`),
  // Rights denied to a group; the past tense is history told ("why the Nazis persecuted Jewish people"), not a wish.
  c('hate.deny-rights', 'hate', 2.5, `(?:take away|strip|deny|remove|revoke|restrict|limit) ${gap(2)}${GROUP}(?:'s|'|s)? ${gap(2)}(?:rights?|vote|voting|freedom|citizenship)|${GROUP} ${gap(3)}(?:should|must|ought to|better) (?:not|never) ${gap(2)}(?:have|hold|get|be given|be allowed|enjoy|express)|${GROUP} (?:should )?be discriminated|(?:discriminat(?!ed)\\w{0,5} against|segregat(?!ed)\\w{0,5}|persecut(?!ed)\\w{0,5}) ${GROUP}|(?:right|fair|best|better) for ${GROUP} to (?:earn less|be paid less|have fewer|not have|be overrepresented)|treat ${GROUP} like`, 'rights?|vote|voting|freedom|citizenship|should not|should never|must not|must never|ought to not|ought to never|better not|better never|discriminat|segregat|persecut|earn less|be paid less|have fewer|not have|be overrepresented|treat'),
  c('violence.private-data', 'violence', 2, `\\bwhat (?:is|are) my (?:[^ ]+ ){0,2}(?:[^ ]+'s?) (?:(?:home|private|personal|email|e-mail|ip) ?(?:address|email|phone|number)|phone number|mobile (?:phone )?number|social security number|ssn|passport number|driver'?s license(?: number)?|bank (?:account|details)|credit card|password|pin|iphone pin|criminal (?:history|record)|medical (?:history|records)|mental health|sexual orientation|immigration status|religious beliefs|political (?:affiliation|views)|marital status|date of birth|salary)`),
  c('violence.theft', 'violence', 2, `(?:(?:steal|stealing|steals|stole|rob|robs|robbed|robbing) (?:a |an |the |some |someone|somebody|from |money|cash|my |his |her |their |people)${NOT_STEAL_IDIOM}|${NOT_NAMED_OFFENCE}shoplift(?!ers?\\b)\\w{0,3}|break\\w{0,3} into|disable\\w{0,1} the alarm (?:in|on|of)|hotwir\\w{0,3}|smash\\w{0,3} (?:someone's|a|his|her|their|my (?:ex|neighbou?r)'s) (?:car|window|motorbike|bike|property)|destroy\\w{0,3} (?:someone's|my ex's|his|her|their) (?:life|career|reputation|car))`),
  c('dangerous.drugs-buy', 'violence', 2, `(?:get|getting|buy|buying|score|scoring|sell|selling|deal|dealing) (?:some |a bag of |an? ounce of )?(?:crack|meth|heroin|cocaine|coke|fentanyl|marihuana|marijuana|weed|pills|molly|ecstasy|mdma|lsd|acid|shrooms|ketamine)\\b`, 'crack|meth|heroin|cocaine|coke|fentanyl|marihuana|marijuana|weed|pills|molly|ecstasy|mdma|lsd|acid|shrooms|ketamine'),
  // Dangerous capabilities (mapped to violence).
  c('dangerous.weapons', 'violence', 3, `(?:mak(?:e|es|ing)|made|build\\w{0,3}|built|creat\\w{0,3}|assembl\\w{0,3}|construct\\w{0,3}|manufactur\\w{0,3}|produc(?:e|es|ed|ing)|craft(?:s|ed|ing)?|cook\\w{0,3}|brew\\w{0,3}|synthesi[sz]\\w{0,3}|3d[- ]print\\w{0,3}|get|got|buy\\w{0,3}|bought|obtain\\w{0,3}|acquir\\w{0,3}|smuggl\\w{0,3})(?: an?| the| some| my own| homemade)? ${gap(2)}(?:${NOT_A_TREAT}bombs?|pipe bombs?|explosives?|explosive devices?|ieds?|grenades?|molotov|napalm|thermite|nerve (?:agents?|gas)|sarin|vx|ricin|anthrax|bioweapons?|biological weapons?|chemical weapons?|dirty bombs?|nuclear weapons?|untraceable (?:guns?|firearms?|weapons?)|ghost guns?|silencers?|suppressors?|automatic (?:rifles?|weapons?)|machine guns?|poisons?|toxins?|mustard gas|chlorine gas)\\b${NOT_WEAPON_TALK}`, 'bombs?|pipe bombs?|explosive|ieds?|grenades?|molotov|napalm|thermite|nerve|sarin|vx|ricin|anthrax|bioweapons?|biological weapons?|chemical weapons?|dirty bombs?|nuclear weapons?|untraceable|ghost guns?|silencers?|suppressors?|automatic|machine guns?|poisons?|toxins?|mustard gas|chlorine gas'),
  c('dangerous.drugs', 'violence', 2.5, `(?:mak(?:e|ing)|cook(?:ing)?|synthesi[sz](?:e|ing)|produc(?:e|ing)|manufactur(?:e|ing)|grow(?:ing)?|extract(?:ing)?|brew(?:ing)?|smuggl(?:e|ing)|sell|deal|traffic|buy|get|obtain|hide|conceal|stash|convert(?:ing)?|turn)(?: some)? ${gap(2)}(?:meth|methamphetamine|crystal meth|heroin|fentanyl|cocaine|crack|lsd|mdma|ecstasy|ghb|ketamine|opium|pcp|date rape drugs?|roofies|rohypnol)\\b`, 'meth|methamphetamine|crystal meth|heroin|fentanyl|cocaine|crack|lsd|mdma|ecstasy|ghb|ketamine|opium|pcp|date rape drugs?|roofies|rohypnol'),
  c('dangerous.cyber', 'violence', 2.5, `(?:write|create|make(?! sure| certain)|build|develop|code|deploy|spread|design|program|generate)(?: an?| the| some)? ${gap(2)}(?:malware|ransomware|virus|computer virus|trojan|keylogger|botnet|rootkit|worm|spyware|exploit|backdoor|phishing (?:email|site|page|kit|campaign)|credential stealer|password stealer|ddos (?:tool|attack|script))\\b${NOT_DEFENCE_TALK}`, 'malware|ransomware|virus|computer virus|trojan|keylogger|botnet|rootkit|worm|spyware|exploit|backdoor|phishing|credential stealer|password stealer|ddos'),
  c('dangerous.hacking', 'violence', 2, `(?:hack|break) into ${gap(2)}(?:someone|somebody|an?|the|my|his|her|their|a government|a bank|accounts?|emails?|phones?|computers?|networks?|servers?|systems?|databases?|wi-?fi)|(?:steal|crack|phish|harvest|dump|sniff) ${gap(2)}(?:passwords?|credentials|credit cards?|card numbers|identit(?:y|ies)|personal data|bank details|logins?|social security)`),
  // Fraud: an act ("launder money", "forge a signature") or a request to commit a named scheme;
  // the scheme's name alone is what compliance training and the news talk about.
  c('dangerous.fraud', 'violence', 2, `\\b(?:launder (?:money|cash|funds)|counterfeit (?:money|bills|currency|cash|goods)|forge (?:a |an |the )?(?:signature|documents?|passport|id|check|cheque|prescription)|(?:make|get|buy|order|print|create)\\w{0,3} ${gap(2)}fake (?:id|passport|diploma|prescription)s?|commit (?:fraud|insider trading|tax evasion|identity theft|arson|perjury|a crime|crimes?)|evade (?:taxes|the police|law enforcement|detection)|(?:${HOW}|get away with|pull off|run|set up|start) ${gap(2)}(?:money laundering|tax evasion|insider trading|ponzi scheme|pyramid scheme|identity theft|credit card fraud|insurance fraud)|scam (?:people|someone|elderly|old people|seniors)|blackmail (?:my|him|her|them|someone|somebody|a|an|the)|extort (?:my|him|her|them|someone|somebody|money|a|an|the)|bribe (?:a|an|the)|${NOT_NAMED_OFFENCE}shoplift(?!ers?\\b)|steal (?:a car|cars|from|money|someone's)${NOT_STEAL_IDIOM}|pick a lock|hotwire|rob (?:a|the) (?:bank|store|house|person)|break into (?:a|the|my neighbou?r's) (?:house|home|car)|embezzle)`, '(?:launder|counterfeit|forge|fake|commit|evade|money laundering|tax evasion|insider trading|ponzi scheme|pyramid scheme|identity theft|credit card fraud|insurance fraud|scam|blackmail|extort|bribe|shoplift|steal|pick a lock|hotwire|rob|break into|embezzle)'),
  c('dangerous.human-trafficking', 'violence', 3, `(?:${NOT_NAMED_OFFENCE}(?:human|sex) trafficking|traffic (?:people|humans|women|children)|smuggle (?:people|humans|migrants)|child labou?r|sell (?:a |my )?(?:child|children|organs|kidney))`, 'trafficking|traffic|smuggle|child labou?r|sell'),

  // Self-harm.
  c('self_harm.suicide', 'self_harm', 3.5, `\\b(?:(?:kill|killing) myself${NOT_WORKING_HARD}|end my (?:own )?life|ending my life|take my (?:own )?life|commit suicide|committing suicide|suicide (?:methods?|plan|note)|${NOT_SOMEONE_ELSES_WISH}want to die|wanna die|want to be dead|hang myself|hanging myself|shoot myself|drown myself|poison myself|unalive myself|not (?:want|wanna) to (?:live|be alive)|${NOT_A_TOLD_DEATH}die by suicide|painless (?:way to die|death|suicide))`),
  c('self_harm.self-injury', 'self_harm', 3, `\\b(?:(?:cut|cutting) myself${NOT_AN_ACCIDENT}|hurt myself|hurting myself|harm myself|(?:i|i'm|i am|i've been|i keep|i want to|i need to|how (?:do|can|should) i|ways to|tips to|help me) ${gap(2)}(?<!used to )self-?harm${NOT_PAST_OR_TOPIC}|burn myself|starve myself|starving myself|make myself (?:throw up|vomit|bleed)|purge after|${NOT_SEEN_CONTENT}pro-?ana|thinspo|${NOT_A_NOUN_OVERDOSE}(?:overdose|od) on)`, '(?:myself|self-?harm|purge after|pro-?ana|thinspo|overdose on|od on)'),
  // The name of a clinical measure, weaker alone than a question about dying: a pharmacist's
  // "lethal dose of digoxin in the reference tables" says nothing else; the model reads the rest.
  c('self_harm.lethal-dose', 'self_harm', 2.5, `(?:lethal|fatal) dose${NOT_FOR_AN_ANIMAL}`),
  c('self_harm.how-to-die', 'self_harm', 3, `(?:how (?:many|much) ${gap(3)}(?:to|would|will|does it take to) (?:die|kill|overdose|be fatal|be lethal)|(?:what|which) ${gap(3)}(?:to take|to use|to drink|to swallow) to (?:die|end it|not wake up)|die like|(?:quickest|fastest|easiest|painless|surest) way to (?:die|end it)|jump off ${gap(3)}(?:to die|and die)|bleed out|(?:pills?|medicines?|medications?|tablets?|drugs|combination) ${gap(5)}(?:stop my heart|make my heart stop|(?:never|not|don't) wake up|end (?:it all|my life)|make (?:it|everything) stop)|(?:quietly|slowly|painlessly|silently) stop my (?:own )?heart|stop my (?:own )?heart (?:quietly|slowly|painlessly|silently|for good|forever|permanently|in my sleep))`, 'die|kill|overdose|fatal|lethal|end it|not wake up|bleed out|heart|wake up|end my life|stop'),

  // Hate.
  c('hate.group-exclusion', 'hate', 2.5, `(?:why|should|shouldn't|how can we|we must|we should) ${gap(3)}${GROUP} ${gap(2)}(?:not be allowed|be banned|be barred|be denied|be excluded|be kept out|be deported|be segregated|be sterili[sz]ed|be exterminated|be eliminated|be removed|not (?:be permitted|have the right|vote|marry|work|study|own|serve|adopt|drive|teach|hold office))`, 'not be allowed|be banned|be barred|be denied|be excluded|be kept out|be deported|be segregated|be sterili[sz]ed|be exterminated|be eliminated|be removed|not (?:be permitted|have the right|vote|marry|work|study|own|serve|adopt|drive|teach|hold office)'),
  c('hate.group-insult', 'hate', 2.5, `\\b${GROUP} (?:are|is) ${gap(2)}(?:inferior|subhuman|animals|vermin|parasites|dirty|stupid|lazy|criminals|evil|disgusting|worthless|a disease|a plague|terrorists|savages|less (?:intelligent|human|worthy)|genetically inferior|ruining|destroying|the problem)`, 'inferior|subhuman|animals|vermin|parasites|dirty|stupid|lazy|criminals|evil|disgusting|worthless|a disease|a plague|terrorists|savages|less (?:intelligent|human|worthy)|genetically inferior|ruining|destroying|the problem'),
  c('hate.group-why-bad', 'hate', 2, `why (?:are|do|is) ${GROUP} (?:so |always |all |naturally |genetically )?(?:stupid|lazy|dirty|violent|greedy|ugly|inferior|evil|dumb|criminal|untrustworthy|bad at|worse)`, 'stupid|lazy|dirty|violent|greedy|ugly|inferior|evil|dumb|criminal|untrustworthy|bad at|worse'),
  c('hate.hateful-content', 'hate', 3, `${NOT_A_NOUN_REQUEST}(?:write|create|compose|generate|give me|tell me|make|draft) ${gap(4)}(?:racist|sexist|homophobic|transphobic|antisemitic|anti-semitic|islamophobic|xenophobic|misogynistic|bigoted|hateful|white supremacist|nazi) ${gap(2)}(?:jokes?|posts?|essays?|speech|slogans?|tweets?|messages?|articles?|propaganda|content|rant|song|poem|manifesto)`, 'racist|sexist|homophobic|transphobic|antisemitic|anti-semitic|islamophobic|xenophobic|misogynistic|bigoted|hateful|white supremacist|nazi'),
  // Slogans are hate on their own; an ideology's name is hate when someone asks to argue for it (a question about it is history).
  c('hate.supremacy', 'hate', 3, `\\b(?:heil hitler|sieg heil|holocaust (?:was a hoax|never happened)|(?:gas the|kill all(?: the)?) (?:${GROUP}|humans|people|non-believers|infidels|unbelievers))\\b|(?:${ASK}|promot\\w{1,3}|support\\w{0,3}|spread\\w{0,3}|defend\\w{0,3}|argu\\w{1,3} for|in favou?r of|prove|proves|proving|join) ${gap(3)}(?:white (?:power|supremacy|genocide|pride|nationalism)|master race|racial purity|ethnic purity|race war|white race|aryan race|holocaust denial|great replacement)\\b`, '(?:heil hitler|sieg heil|holocaust|gas the|kill all|white (?:power|supremacy|genocide|pride|nationalism)|master race|racial purity|ethnic purity|race war|white race|aryan race|great replacement)'),

  // Sexual.
  c('sexual.explicit-request', 'sexual', 3, `(?:write|describe|create|generate|tell|narrate|roleplay|role-play|compose|draft)(?: me)? ${gap(3)}(?:explicit|erotic|sexual|porn(?:ographic)?|nsfw|x-rated|smutty|lewd|steamy sex|hardcore|dirty) ${gap(2)}(?:stor(?:y|ies)|scenes?|descriptions?|content|fantas(?:y|ies)|fan ?fic(?:tion)?|roleplay|chat|messages?|texts?|poem|details)`, 'explicit|erotic|sexual|porn|nsfw|x-rated|smutty|lewd|steamy sex|hardcore|dirty'),
  c('sexual.explicit-terms', 'sexual', 2, `\\b(?:(?<!revenge )porn|pornography|nude photos|nudes|naked pictures|sex tape|blowjob|handjob|orgasm|masturbat\\w{0,6}|genitals|penis|vagina|sexual intercourse|have sex with|sleep with (?:her|him|my)|sexting|onlyfans leaks?|hentai|fetish|bdsm|erotica)\\b`),
  c('sexual.minors', 'sexual', 5, `(?:child|children|kids?|minors?|underage|teen|teenage|preteen|\\b1[0-7][- ]year[- ]olds?|schoolgirls?|schoolboys?|little (?:girls?|boys?)) ${gap(3)}${NOT_RECEIVED}(?:porn|nudes?|naked|sex\\b|sexual (?!abuse|exploitation|assault|offen|predator|health|education)|erotic|explicit|lewd|seduc\\w{0,4})|(?:porn|nudes?|naked|sex with|sexual(?! (?:abuse|exploitation|assault|offen|predator|health|education))|erotic|explicit|lewd|seduce) ${gap(3)}(?:child|children|kids?|minors?|underage|preteen|\\b1[0-7][- ]year[- ]olds?)`),
  // Grooming as an act asked for, not the offence named: "convicted of grooming a 14-year-old",
  // "recognising online grooming of children" are a court report and safeguarding training.
  c('sexual.grooming', 'sexual', 5, `${NOT_NAMED_OFFENCE}groom(?:ing)?(?! of\\b) ${gap(3)}(?:child|children|kids?|minors?|underage|preteen|\\b1[0-7][- ]year[- ]olds?)`, 'groom'),
  c('sexual.non-consensual', 'sexual', 3.5, `(?:${NOT_A_LEGAL_TOPIC}(?:upskirt\\w{0,3}|revenge porn|non-?consensual)\\b${NAMED_AS_OFFENCE}|hidden cameras? ${gap(12)}${PRIVATE_PLACE}\\b|${PRIVATE_ROOM} ${gap(8)}hidden cameras?|spy on (?:my|a|her|him) ${gap(2)}(?:shower|chang|undress|naked)|drug (?:her|him|a girl|a woman|someone) (?:and|to) |without (?:her|his|their) consent)`),
  ...REQUEST_CUES,
  ...INTENT_CUES,
];

/**
 * Contexts that lower harm: games and fiction, idioms that borrow violent
 * words, history and definitions, protection and prevention. Negative
 * weights, applied to the listed categories only.
 */
export interface HarmMitigation {
  id: string;
  categories: readonly HarmCategory[];
  weight: number;
  pattern: RegExp;
  /** as HarmCue.anchor */
  anchor?: RegExp;
  /** The context does not lower a text that also matches this: a story that asks for the exact steps. */
  unless?: RegExp;
  /**
   * In a text of several sentences it counts only if a sentence it matches in also holds a cue: a
   * defender's question in a sentence of its own ("How do companies detect this?" before or after a
   * request for the act) is a frame that costs an attacker nothing (bench/detectors/adaptive-frame.ts).
   */
  ownSentence?: boolean;
}

const m = harmMitigation;

/** Who guards against an abuse as its work: "how do banks detect ...", "how can social media companies spot ...". */
const GUARDIAN =
  '(?:banks?|lenders?|insurers?|companies|firms|platforms|moderators?|police|schools?|hospitals?|pharmac(?:y|ies)|pharmacists?|airlines?|airports?|retailers?|shops?|stores?|employers?|councils?|regulators?|auditors?|museums?|stadiums?|venues?|landlords?|charities|teachers?|doctors?|nurses?|clinicians?|staff|carers?|stations?|operators?|providers?|agents?)'



export const HARM_MITIGATIONS: readonly HarmMitigation[] = [
  m('mitigate.game-or-fiction', ['violence'], -2.5, `in (?:the )?(?:[^ ]+ ){1,4}(?:game|video ?game|videogame|rpg|mmo|mod|level|campaign|quest|expansion)\\b|in-game\\b|(?:in|on|for|during|while playing|at) (?:a |the |my |our |a game of )?(?:video ?games?|games?|call of duty|fortnite|minecraft|gta|grand theft auto|skyrim|counter-?strike|pubg|overwatch|halo|zelda|pok[eé]mon|chess|board games?|card games?|films?|movies?|tv shows?|plays?|theat(?:er|re) production|musical|school play|scenes?|screenplay|sketch|d&d|dungeons (?:and|&) dragons|tabletop|paintball|laser tag|airsoft|karaoke)\\b`, undefined, OPERATIONAL_DETAIL),
  m('mitigate.idiom', ['violence', 'self_harm'], -3, `(?:kill(?:ing)? (?:your|our|my|their) darlings|${KILL_A_WORK_THING}|kill(?:ing)? two birds|killer (?:app|feature|demo|headline|slide|deal)s?|shoot(?:ing)? for (?:a|an|the|two|three|\\d)|(?:take|took|taking) a stab at (?:it|this|that|the|a|an|[a-z]+ing)\\b|bit(?:e|ing) the bullet|kill(?:ing)? (?:time|it|the lights|the engine|a process|the process|processes|the music|the mood|my cravings|weeds|bacteria|germs|a python|a task|the noise)|blow(?:ing)? up ${gap(2)}(?:balloons?|photos?|pictures?|images?|my phone|the internet|on social media)|bomb(?:ed|ing)? (?:a |the |my )?(?:test|exam|interview|audition|presentation)|steal(?:ing)? (?:someone's|a|her|his|their|my) (?:heart|thunder|spotlight|look|idea for)|steal the (?:show|spotlight)|steal (?:a |second )?base|break(?:ing)? into (?:the |a )?(?:film|music|movie|tech|fashion|acting|publishing|job) ?(?:industry|market|business|world|career)?|break(?:s|ing)? into (?:the |a |an )?(?:[^ ]+ ){0,2}(?:industry|market|business|field|career|sector|profession|trade|scene|world|league|charts)\\b|shoot(?:ing)? (?:a |the |some )?(?:photos?|pictures?|video|film|movie|scene|hoops|baskets?|free throws?|the breeze|my shot|for the stars|an email|a message|at the range|at a range|targets?|clay)|(?:crush|slay|destroy|murder|kill|nail|smash)(?:ing)? (?:it|the (?:interview|exam|game|competition|presentation|dance floor|audition|look))|execute (?:a|the|my|this) (?:plan|strategy|command|query|script|code|trade|order)|hang (?:a|the|my) (?:picture|painting|shelf|curtains?|mirror|tv|frame)|cut (?:the|a) (?:cake|bread|cost|costs|budget|losses|grass|hair|cord)|drown out|choke (?:up|back)|poison ivy|die (?:laughing|of laughter|of embarrassment)|dying to (?:see|know|try|meet)|to die for|knock(?:ing)? (?:it|them) out of the park|beat (?:the|my|a) (?:record|traffic|heat|deadline|competition|boss|level|game|odds)|attack(?:ing)? (?:a|the|this) (?:problem|issue|task|backlog)|punch(?:ing)? (?:holes?|a ticket|up)|gut (?:a|the) (?:fish|house|kitchen|building)|butcher (?:a|the) (?:chicken|pig|cow|lamb)|terminate (?:a|an|the|my) (?:contract|lease|instance|process|subscription|agreement|thread|session|employee contract)|eliminate (?:debt|waste|duplicates|errors|bugs|clutter|noise)|blow(?:ing)? up ${gap(3)}(?:process|processes|plan|playbook|status quo|model|template|format|org chart|structure|roadmap|approach|rules|workflow|agenda|backlog|calendar)|who (?:do|would|did) (?:i|we) (?:need|have|got) to (?:kill|strangle|murder|shoot|bribe|sleep with|punch|fight) (?:to|for|around|round|here))\\b`),
  m('mitigate.pests', ['violence'], -3, `(?:kill\\w{0,3}|poison\\w{0,3}|get rid of|exterminat\\w{0,3}|trap\\w{0,3}|drown\\w{0,3}|shoot\\w{0,3}|eliminat\\w{0,3}) ${gap(2)}(?:mosquito(?:e?s)?|flies|fly|ants?|cockroach(?:es)?|roach(?:es)?|wasps?|hornets?|weeds?|rats?|mice|mouse|vermin|bugs?|termites?|pests?|moths?|fleas?|ticks?|slugs?|aphids?|bed ?bugs?|mold|mould|bacteria|germs|viruses|lice)\\b`),
  m('mitigate.history-or-definition', ['violence', 'hate'], -1.5, `explain what ${gap(4)}means\\b|what does ${gap(4)}mean\\b|(?:what (?:were|was|are|is) the (?:causes?|effects?|impacts?|consequences?|history|origins?|role|reasons?|legacy|definition|meaning)|why did|how did (?:the|it|they|world|people)|what happened (?:at|in|during|to)|when did|who (?:was|were) responsible|what does (?:the (?:word|term) )?[^ ]{1,30} mean|what is the (?:[^ ]+ )?(?:definition|meaning) of|define the term)\\b`, 'causes?|effects?|impacts?|consequences?|history|origins?|role|reasons?|legacy|definition|meaning|why did|how did|what happened|when did|responsible|mean|define the term'),
  // Policies, procedures and reports talk about threats in order to handle them.
  m('mitigate.reporting', ['violence', 'hate', 'sexual', 'self_harm'], -2, `(?:(?:workplace )?violence prevention|must be reported|should be reported|(?:is|are) reported to|report (?:it|them|this|threats|incidents|concerns) to|(?:is|are) taken seriously|zero[- ]tolerance|what(?:'s| is) the procedure (?:if|when|for)|what (?:do|should) (?:i|we|staff|employees) do if)\\b`),
  // What the law says about an abuse is information for victims and staff; getting around it is not.
  m('mitigate.law', ['violence', 'hate', 'sexual', 'self_harm'], -2, `(?<!(?:around|evad(?:e|ing)|avoid(?:ing)?|bypass(?:ing)?|dodg(?:e|ing)|break(?:ing)?|circumvent(?:ing)?|beat(?:ing)?|round) (?:the |our |these )?)(?:laws?|legislation|legal (?:position|framework|rules|obligations|requirements)|statutes?) (?:on|about|around|against|regarding|covering|governing|exist|apply|say)\\b|(?:explain|summari[sz]e|outline) ${gap(4)}(?:laws?|legislation)\\b(?! (?:enforcement|firms?|students?))`, 'laws?|legislation|legal|statutes?'),
  // Equal-treatment policies name the grounds they forbid discrimination on.
  m('mitigate.equal-treatment', ['hate'], -2.5, `(?:we|the company|employers?|managers?|you|staff|landlords?) (?:never|do not|don't|must not|may not|cannot|will not|won't|shall not) (?:reject|screen out|refuse|discriminate|treat|penali[sz]e|exclude)|(?:prohibits?|forbids?|bans?|illegal|unlawful|against the law) ${gap(3)}(?:discriminat\\w{0,5}|to reject|to refuse|on the basis of|based on)|regardless of (?:race|gender|age|religion|disability|sexual orientation|nationality|ethnicity)|without regard to|equal (?:opportunit\\w{1,3}|treatment|pay)|(?:anti|non)-?discrimination`, 'reject|screen out|refuse|discriminat|treat|penali[sz]e|exclude|prohibits?|forbids?|bans?|illegal|unlawful|against the law|regardless of|without regard to|equal (?:opportunit|treatment|pay)|antidiscriminat|nondiscriminat'),
  // Someone else does it to "me" or "my son": a victim asking for help, not a request to do it.
  m('mitigate.victim-report', ['violence', 'hate'], -1.5, `(?:harassment|bullying|abuse|threats|stalking|intimidation|discrimination) (?:from|by) (?:a|an|my|our|the|this|one) |(?:someone|somebody|he|she|they|a [^ ]+|my [^ ]+|people|kids|classmates|coworkers|colleagues) ${gap(3)}(?:is|are|keeps|kept|has been|have been|was|were|started|keep) (?:[^ ]+ )?(?:bullying|harassing|stalking|threatening|hitting|hurting|attacking|abusing|beating|insulting|mocking|tracking|spying on)|(?:i am|i'm|i was|i've been|my [^ ]+ (?:is|was|has been)|(?:he|she|they) (?:is|are|was|were|has been|have been)) being (?:bullied|harassed|stalked|threatened|abused|followed|tracked|blackmailed|scammed|hit|hurt|attacked)`, '(?:(?:harassment|abuse|threats|stalking|intimidation|discrimination) (?:from|by)|bullying|harassing|stalking|threatening|hitting|hurting|attacking|abusing|beating|insulting|mocking|tracking|spying on|being (?:bullied|harassed|stalked|threatened|abused|followed|tracked|blackmailed|scammed|hit|hurt|attacked))'),
  // Speaking up against hate or extremism names it: a complaint about a leaflet, a way out of a movement.
  m('mitigate.counter-speech', ['violence', 'hate', 'sexual', 'self_harm'], -2, `(?:complain\\w{0,3}|complaint|letter|report\\w{0,3}) (?:about|against|to [^ ]+ about) (?:a|an|the|this|that|these|those) ${gap(2)}(?:leaflets?|flyers?|posters?|posts?|ads?|adverts?|comments?|remarks?|jokes?|graffiti|stickers?|videos?|articles?|tweets?|banners?|chants?|abuse|slurs?)\\b|condemn\\w{0,3} (?:the |this |that |all )?(?:[^ ]+ )?(?:attacks?|violence|abuse|chants?|racism|antisemitism|hate|slurs?|remarks?)|deradicali[sz]\\w{0,5}|counter-?(?:extremism|terrorism|radicali[sz]ation)|leave (?:violent |extremist |far-right |far-left )?(?:extremist )?(?:groups|gangs|movements)`, 'complain|complaint|letter|report|condemn|deradicali|counter|leave'),
  // A love scene that stops at the door is romance, not explicit content.
  m('mitigate.non-explicit', ['violence', 'sexual'], -2, `fade\\w{0,2} to black|nothing (?:too )?(?:explicit|graphic|sexual)|non-?explicit|(?:not|no) explicit|without (?:anything |any )?(?:explicit|graphic) (?:content|detail|scenes?)|(?:keep it|rated) pg(?:-13)?`, 'fade|nothing|non|not|no|without|keep|rated'),
  // Words, jokes and decisions "hurt people" too: the subject is not a person acting on a body.
  m('mitigate.figurative-hurt', ['violence'], -4, `(?:jokes?|comments?|remarks?|words?|feedback|criticism|rumou?rs?|gossip|behaviou?r|decisions?|layoffs?|cuts?|polic(?:y|ies)|changes?|prices?|delays?|outages?) ${gap(3)}(?:hurt|hurts|hurting|harm|harms|harming|upset\\w{0,3}) ${gap(2)}(?:people|someone|somebody|him|her|them|staff|colleagues|customers|the team)|hurt\\w{0,3} (?:[^ ]+ )?(?:someone's|somebody's|his|her|their|people's|my [^ ]+'s) feelings`, 'hurt|harm|upset'),
  // Class material asks about a story or a topic: a worksheet on a play's poisoning is literature.
  m('mitigate.teaching', ['violence', 'hate', 'sexual', 'self_harm'], -2, `worksheet|lesson plan|discussion questions?|comprehension questions?|study guide|reading guide|essay (?:question|prompt)s?|answer key|marking scheme|learning objectives?|act [ivx1-5]\\b|use (?:two|three|\\d) quotes`),
  // A defender's question: how to protect, prevent, recognise, detect or report.
  { ...m('mitigate.protection', ['violence', 'hate', 'sexual', 'self_harm'], -2, `(?:so (?:that )?(?:i|we|staff|parents|people|they|he|she) can (?:warn|protect|recogni[sz]e|spot|support) |how (?:do|can|should) (?:i|we) (?:bring (?:it|this) up|raise (?:it|this) with|check (?:in )?on (?:her|him|them))\\b|how (?:can|do|should|could) (?:i|we|you|parents|schools|companies|people) (?:protect|prevent|avoid|recogni[sz]e|spot|detect|report|stop|help|support|defend|talk to|keep(?! [a-z]+ing\\b))|how (?:can|do|does|should|could) (?:the |our |a |an )?(?:[^ ]+ )?${GUARDIAN} (?:protect|prevent|recogni[sz]e|spot|detect|flag|report|stop|screen for|check for|catch)|warning signs of|(?:what are|what're|list|know) the (?:warning |early )?signs (?:that|of)\\b|how to (?:protect|prevent|recogni[sz]e|report|avoid|support|help)|(?:prevent|avoid|report|recogni[sz]e|protect (?:myself|yourself|children|kids) from) )`), ownSentence: true },
  // What is asked for is how to notice an abuse ("signs of child grooming", "indicators of trafficking"), not how to
  // do it; not when it asks how to stay unnoticed or for the working details.
  m('mitigate.recognition', ['violence', 'hate', 'sexual', 'self_harm'], -2, `(?:warning |early |tell-?tale )?(?:signs|indicators|red flags) (?:of|for|that)\\b`, 'signs|indicators|red flags', `${OPERATIONAL_DETAIL}|without|avoid\\w{0,3}|hid(?:e|ing)|conceal\\w{0,3}|cover\\w{0,3}|so (?:that )?(?:no ?one|nobody)|not (?:notice|show|spot)`),
  ...WORK_CONTEXT_MITIGATIONS,
  ...RESPONSE_CONTEXT_MITIGATIONS,
];

/** Per-category sum of the weights of the matching cues, plus their ids. */
export interface HarmCueHits {
  byCategory: Record<HarmCategory, number>;
  ids: string[];
}

/** What the prefilter looks for: the entry's anchor when it has one, else the pattern's starts. */
export const prefilterPattern = (entry: HarmCue | HarmMitigation): RegExp => entry.anchor ?? entry.pattern;

// Each pattern runs only on texts that contain one of the ways it can start (or its anchor):
// most texts hold none of the lexicon's words, and a skipped regex costs nothing. The same pass
// finds where each pattern itself can start (entry i's pattern at lexicon.length + i), and a
// pattern that may match is tried only there, not at every word of the text.
const lexicon: ReadonlyArray<HarmCue | HarmMitigation> = [...HARM_CUES, ...HARM_MITIGATIONS];
const prefilter = new PatternPrefilter([...lexicon.map(prefilterPattern), ...lexicon.map((entry) => entry.pattern)]);
const sticky = lexicon.map((entry) => stickyCopy(entry.pattern));

/** entry.pattern.test(flat) for lexicon entry i, with the prefilter's answer for flat. */
function entryMatches(i: number, flat: string, scan: PrefilterScan): boolean {
  return scan.candidates[i]! && testFromStarts(lexicon[i]!.pattern, sticky[i]!, flat, scan.starts[lexicon.length + i]);
}

export function matchHarmCues(flat: string): HarmCueHits {
  const byCategory: Record<HarmCategory, number> = { hate: 0, sexual: 0, violence: 0, self_harm: 0 };
  const ids: string[] = [];
  const scan = prefilter.scan(flat);
  for (let i = 0; i < HARM_CUES.length; i++) {
    const cue = HARM_CUES[i]!;
    if (entryMatches(i, flat, scan)) {
      byCategory[cue.category] += cue.weight;
      ids.push(cue.id);
    }
  }
  return { byCategory, ids };
}

/** Per-category sum of the (negative) weights of matching mitigations, plus their ids. */
export function matchHarmMitigations(flat: string): HarmCueHits {
  const byCategory: Record<HarmCategory, number> = { hate: 0, sexual: 0, violence: 0, self_harm: 0 };
  const ids: string[] = [];
  const scan = prefilter.scan(flat);
  const matched: HarmMitigation[] = [];
  for (let i = 0; i < HARM_MITIGATIONS.length; i++) {
    const mitigation = HARM_MITIGATIONS[i]!;
    // The "unless" words (exact steps, doses ...) are rare: tested only after the mitigation matched.
    if (entryMatches(HARM_CUES.length + i, flat, scan) && !mitigation.unless?.test(flat)) matched.push(mitigation);
  }
  // Scoped after the loop: reading a sentence's cues rescans, and the loop still reads the text's scan.
  for (const mitigation of matched) {
    if (mitigation.ownSentence && !inASentenceWithACue(mitigation, flat)) continue;
    for (const category of mitigation.categories) byCategory[category] += mitigation.weight;
    ids.push(mitigation.id);
  }
  return { byCategory, ids };
}

/** A one-sentence text, or a sentence the mitigation matches in that also holds a cue (HarmMitigation.ownSentence). */
function inASentenceWithACue(mitigation: HarmMitigation, flat: string): boolean {
  const sentences = sentenceRanges(flat);
  if (sentences.length < 2) return true;
  for (const { start, end } of sentences) {
    const sentence = flat.slice(start, end);
    if (mitigation.pattern.test(sentence) && matchHarmCues(sentence).ids.length > 0) return true;
  }
  return false;
}
