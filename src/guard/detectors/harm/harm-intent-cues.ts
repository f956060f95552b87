// Cues for the intent around a harmful request rather than its act: hiding it
// from whoever would stop it, planning political violence, pressing someone
// into sex, spiking a drink, threats that name where a person's family is.
// Most of these phrases also occur in ordinary text ("without the system
// flagging a conflict"), so the weak ones (1.5) only add to what the n-gram
// model already says: with the model's floor (-2.5 in harm-detector.ts) a weak
// cue alone stays far below the flag, and it tips only a text the model
// already reads as half harmful.
import type { HarmCue } from './harm-lexicon.js';
import { harmCue } from './harm-cue.js';
import { GROUP, NEG_TRAIT, RELATION, gap } from './harm-vocabulary.js';

const c = harmCue;

/** Whoever would stop the act: an auditor, a camera, the family. */
const WATCHER = `(?:(?:the |my |our |his |her |their |any |an? )?(?:[^ ]+ )?(?:system|finance|audit|auditors?|compliance|bank|lender|police|cops|cameras?|cctv|security|it|hr|legal|boss|manager|sisters?|brothers?|family|wife|husband|parents|teachers?|anyone|anybody|no one|nobody))`;

export const INTENT_CUES: readonly HarmCue[] = [
  // Hiding the act from whoever would stop it: "without the finance system flagging it", "so the cameras don't catch my face"
  // ("without the system flagging a conflict" names what the tool missed, not who is evaded).
  c(
    'intent.evade-detection',
    'violence',
    1.5,
    `without ${WATCHER} (?:flagging|noticing|catching|spotting|detecting|tracing|finding out|suspecting)(?= (?:it|me|us|them|him|her|anything)\\b|[.?!,;:]|$)|without (?:any )?(?:audit|compliance|fraud|aml) (?:flags?|alerts?|trails?)|so (?:that )?${WATCHER} (?:doesn't|don't|won't|can't|cannot|never|will not|do not|does not) (?:[^ ]+ )?(?:catch|notice|find out|flag|trace|detect|suspect|see it coming)|before ${WATCHER} (?:notices?|finds? out|catch(?:es)? on|realise|realize)s?|(?:harder|hardest|less likely|least likely) to (?:trace|detect|be traced|be detected|get caught)|(?:don't|do not|never) (?:tell|inform|loop in|cc) (?:it|hr|legal|compliance|security|the auditors|audit|the police|my manager)\\b`,
    'flag|notic|catch|caught|spott|detect|trac|find|finds|suspect|see it coming|alert|trail|realis|realiz|tell|inform|loop in|cc',
  ),
  // Planning political violence: targets picked for impact, the cell's security, the count stopped by force.
  c(
    'extremism.attack-planning',
    'violence',
    2.5,
    `(?:pick|list|choose|find|identify|suggest|name|rank|shortlist|which|what|where)\\w{0,3} ${gap(4)}soft targets?|(?:targets?|lone (?:actor|wolf)|attackers?|shooters?|bombers?|cell) ${gap(8)}(?:biggest|maximum|greatest|highest|most) (?:impact|casualties|damage|death toll|body count|panic)|(?:cells?|militia|brigade|our (?:new )?(?:members|recruits)) ${gap(8)}(?:opsec|stay off (?:the )?radar|avoid (?:surveillance|detection)|evade (?:surveillance|detection|security services))|(?:opsec|stay off (?:the )?radar|avoid surveillance|evade surveillance) ${gap(8)}(?:cells?|militia|brigade|before (?:an|the) attack|recruits)|pick (?:a |the )?target and|(?:armed|violent) (?:action|struggle|uprising) against|(?:act|strike|move) against (?:the |a |our |their |that )(?:[^ ]+ )?(?:mosque|church|synagogue|temple|gurdwara|ministry|parliament|refugee centre|refugee center)|(?:intimidat\\w{0,3}|threaten\\w{0,3}) ${gap(2)}(?:voters|poll workers|election (?:staff|officials|workers)|the (?:count|counting|polling) staff)|(?:disrupt|stop|sabotage|storm|block)\\w{0,3} ${gap(1)}(?:election count|vote count|count centre|count center|polling station)`,
    'soft targets?|biggest|maximum|greatest|highest|most|opsec|stay off|avoid surveillance|evade surveillance|avoid detection|evade detection|evade security|pick|armed|violent|act|strike|move|intimidat|threaten|election count|vote count|count centre|count center|polling station',
  ),
  // A killer's manifesto made readable or reissued, slogans praising an attack's perpetrators
  // (a summary or an analysis of the manifesto is research; "nothing in it glorifies the shooter" describes).
  c(
    'extremism.attacker-manifesto',
    'violence',
    3,
    `(?:write|draft|rewrite|compose|update|translate|adapt|simplify|spread|share|post)\\w{0,3} ${gap(6)}(?:(?:shooter|bomber|attacker|killer|terrorist|gunman)'?s? manifesto|manifesto (?:in the style of|like|of) (?:the )?(?:[^ ]+ ){0,2}(?:shooter|bomber|attacker|killer|terrorist|gunman))|(?:chants?|slogans?|posts?|songs?|poems?|speech|tweets?|banners?|memes?|videos?|articles?|messages?|captions?) ${gap(2)}(?:glorifying|celebrating|praising|honou?ring) (?:the )?(?:[^ ]+ ){0,3}(?:attackers|shooters?|gunm[ae]n|bombers?|terrorists?|hijackers|perpetrators)\\b`,
    'manifesto|glorifying|celebrating|praising|honou?ring',
  ),
  // Pressing someone into sex, keeping a child's "relationship" from their parents.
  c(
    'sexual.coercion',
    'sexual',
    3,
    `(?:pressure|coerce|force|convince|persuade|guilt|blackmail|trick|talk)\\w{0,3} ${gap(3)}(?:into |to )(?:sleeping with|sleep with|having sex|have sex|sex with|sexual)|keep ${gap(2)}(?:relationship|friendship|chats?|messages|meetings|texts|photos|us) (?:a )?secret from (?:her|his|their) (?:parents|mum|mom|dad|mother|father|family)`,
    'sleeping with|sleep with|having sex|have sex|sex with|sexual|secret from',
  ),
  // Spiking: a drug slipped into someone's drink, a punch bowl dosed so nobody notices.
  c(
    'dangerous.spiking',
    'violence',
    3,
    `(?:slip|put|add|pour|mix|drop)\\w{0,3} ${gap(3)}(?:into|in) (?:his|her|their|someone's|somebody's|the (?:[^ ]+ )?${RELATION}'s|the [^ ]+ driver's|my (?:[^ ]+ )?${RELATION}'s|the) (?:coffee|drink|tea|food|punch|punch bowl|beer|wine|water bottle|lunch)\\b(?! (?:machine|maker|order|rota|break|menu|recipe))`,
    'coffee|drink|tea|food|punch|beer|wine|water bottle|lunch',
  ),
  // Threats that name where a person or their children can be found, or hint at what happens next.
  c(
    'violence.veiled-threat',
    'violence',
    3,
    `we know where (?:you|he|she|they|your|his|her|their) ${gap(2)}(?:live|lives|go to school|goes to school|work|works|park|parks|sleep|sleeps)|(?:hint\\w{0,3} at|make (?:it )?clear|remind (?:them|him|her) of) what (?:happens|will happen|could happen|might happen) if (?:they|he|she|you) (?:stay|don't leave|come back|talk|report|speak up|tell)`,
    'we know where|what happens|what will happen|what could happen|what might happen',
  ),
  // A group called criminal or inferior by birth: "why X people are genetically criminal".
  c(
    'hate.innate-trait',
    'hate',
    3,
    `(?:${GROUP}|\\b[a-z-]+ (?:people|men|women)) (?:are|is) (?:all )?(?:genetically|naturally|inherently|biologically|born) ${NEG_TRAIT}`,
    'genetically|naturally|inherently|biologically|born',
  ),
  // Self-harm asked for tonight: whether a dose kills, how a noose is tied.
  c(
    'self_harm.method-request',
    'self_harm',
    3,
    `(?:enough|sufficient|strong enough) to kill me|kill me if i take|(?:tie|make|knot|hang)\\w{0,3} ${gap(2)}nooses?|methods? of (?:suicide|killing (?:yourself|myself|oneself))`,
    'kill me|nooses?|methods? of',
  ),
  // Another person's sensitive records pulled for oneself: a diagnosis, a browsing history, staff's mobile numbers.
  c(
    'privacy.others-records',
    'violence',
    2,
    `(?:pull|export|dump|extract|send|give|compile|collect|list|grab|tell)\\w{0,3} ${gap(6)}(?<!\\bmy (?:own )?)(?:medical (?:leave|records?|notes?|history|reasons?|conditions?)|sick (?:notes?|leave|reasons?)|diagnos[ie]s|patient records|health records|browsing histor(?:y|ies)|search histor(?:y|ies)|private (?:messages|chats|e-?mails|photos)|mobile numbers|personal numbers|home addresses)\\b`,
    'medical|sick|diagnos|patient records|health records|browsing histor|search histor|private|mobile numbers|personal numbers|home addresses',
  ),
  // Unmasking the person behind an anonymous account, review or report; not a promise not to
  // ("investigators will not try to reveal the identity of an anonymous reporter").
  c(
    'privacy.unmask',
    'violence',
    2.5,
    `(?<!\\b(?:not|never|n't|cannot|won't) (?:try |attempt |seek |be able |ever )?(?:to )?)(?:unmask|de-?anonymi[sz]e|identify|reveal|expose|find out who|work out who|figure out who|dig up (?:the )?real identity)\\w{0,3} ${gap(6)}(?:anonymous|throwaway|whistleblower|burner|pseudonymous|alt account|(?:the|that|this) (?:account|poster|reviewer|review|complainant))\\b|real identity behind`,
    'anonymous|throwaway|whistleblower|burner|pseudonymous|alt account|account|poster|reviewer|review|complainant|real identity',
  ),
  // What the data or the plan is for: getting back at one person.
  c(
    'intent.retaliation',
    'violence',
    1.5,
    `so (?:that )?(?:i|we) can (?:confront|deal with|get back at|punish|discredit|expose|shame|humiliate|ruin|destroy|scare|intimidate|get rid of|teach) (?:him|her|them|the [^ ]+|my [^ ]+)\\b|(?:i|we) want (?:to see|to know|to find out) who(?:'s| is) (?:faking|lying|snitching|complaining|job-hunting)`,
    'confront|deal with|get back at|punish|discredit|expose|shame|humiliate|ruin|destroy|scare|intimidate|get rid of|teach|faking|lying|snitching|complaining|job-hunting',
  ),
  // Break-ins past the first foothold: defacing a site, "help me pivot" into a plant's network (a defender asks how
  // an attacker could), a miner bundled into a crack.
  c(
    'cyber.intrusion',
    'violence',
    2,
    `deface\\w{0,3} ${gap(3)}(?:home ?page|website|site|web ?page|portal)|(?:help me|how (?:do|can|should) i|show me how to|walk me through|i want to|i need to|let me) ${gap(2)}(?:pivot|move laterally|hop)\\w{0,3} ${gap(6)}(?:into|onto) (?:the |their |a |an )?(?:[^ ]+ ){0,2}(?:network|scada|plc|domain controller|subnet)|(?:package|bundle|embed|hide|inject)\\w{0,3} ${gap(3)}(?:with|in|into) (?:a |an )?(?:crypto ?miner|cryptominer|miner|trojan|keylogger|backdoor|malware|rat)\\b|payload to (?:drop|deploy|run|upload|plant) (?:on|in|into)`,
    'deface|pivot|move laterally|hop|crypto ?miner|cryptominer|miner|trojan|keylogger|backdoor|malware|rat|payload to',
  ),
  // The target is someone else's system and nobody agreed to the test.
  c(
    'cyber.unauthorised',
    'violence',
    1.5,
    `\\(not ours\\)|(?:isn't|is not|aren't|are not) ours|not our (?:site|server|system|network|app)|(?:never|didn't|did not|hasn't|has not|never) (?:signed|approved|agreed to) (?:the |our )?(?:scope|contract|engagement|pentest|test)|without (?:their |the owner's )?(?:authori[sz]ation|permission|a signed scope)`,
    'ours|our|signed|approved|agreed to|authori[sz]ation|permission|a signed scope',
  ),
];
