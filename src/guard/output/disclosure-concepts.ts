// What a system prompt of an agent like this one talks about, in the languages
// the agent answers in (en, de, fr, es, nl, it, pt), plus symbols no language
// translates. A translated or paraphrased system prompt touches many of these
// concepts at once; an ordinary answer (even a refusal that mentions
// "instructions") touches one or two. A summary of a security document can
// touch the generic ones (untrusted, approval, recipients, administrator), so
// a leak must also touch the distinctive ones: rules about instructions, data
// blocks, obeying, the secret marker, decisions outside the model's control,
// and a run of prohibitions. Stems match at a word start, so one entry covers
// inflections ("genehmig" -> Genehmigung, genehmigen).

import { collapseWhitespace } from '../normalize/collapse-whitespace.js';

interface Concept {
  name: string;
  /** True for what an agent's own rules say and a document about security rarely does. */
  distinctive: boolean;
  stems: string[];
}

const c = (name: string, distinctive: boolean, stems: string[]): Concept => ({ name, distinctive, stems });

const concepts: Concept[] = [
  c('instructions', true, ['system prompt', 'system message', 'my instructions', 'these instructions', 'your instructions', 'systemnachricht', 'systemprompt', 'anweisung', 'message système', 'invite système', 'consigne', 'mensaje del sistema', 'instrucciones', 'systeembericht', 'instructies', 'messaggio di sistema', 'istruzioni', 'mensagem do sistema', 'instruções', 'only you', 'only the user']),
  c('data-block', true, ['data block', 'datablock', 'datenblock', 'daten-block', 'bloc de données', 'blocs de données', 'bloque de datos', 'bloques de datos', 'datablok', 'blocco di dati', 'blocchi di dati', 'bloco de dados', 'blocos de dados', '⟦data', '⟦end data']),
  c('obey', true, ['obey', 'never follow', 'never act on', 'befolg', 'gehorch', 'obéi', 'obei', 'obedec', 'opvolg', 'gehoorza', 'obbedi', 'obedeç']),
  c('secret-marker', true, ['secret marker', 'canary', 'geheime markierung', 'geheimer marker', 'geheimes kennzeichen', 'marqueur secret', 'marcador secreto', 'geheime markering', 'geheime marker', 'marcatore segreto']),
  c('outside-control', true, ['outside your control', 'outside of your control', 'beyond your control', 'outside my control', 'beyond my control', "i don't control", 'i do not control', 'außerhalb deiner kontrolle', 'außerhalb ihrer kontrolle', 'hors de ton contrôle', 'hors de votre contrôle', 'fuera de tu control', 'fuera de su control', 'buiten je controle', 'buiten uw controle', 'fuori dal tuo controllo', 'fora do seu controle', 'fora do teu controlo']),
  c('circumvent', true, ['get around', 'circumvent', 'umgeh', 'contourn', 'eludir', 'sortear', 'omzeil', 'aggirar', 'contornar']),
  c('space-mark', true, ['ˆ']),
  c('untrusted', false, ['untrusted', 'not trusted', 'nicht vertrauenswürdig', 'unvertrauenswürdig', 'non fiable', 'pas fiable', 'non digne de confiance', 'no confiable', 'no fiable', 'niet vertrouwd', 'niet-vertrouwd', 'onbetrouwba', 'non attendibil', 'non affidabil', 'não confiáv', 'nao confiav']),
  c('encoding', false, ['base64', 'hex', 'reversed text', 'umgekehrt', 'inversé', 'texte inversé', 'invertido', 'omgekeerd', 'invertit']),
  c('approval', false, ['approval', 'approver', 'genehmig', 'freigabe', 'approbat', 'aprobaci', 'aprobador', 'goedkeur', 'approvazion', 'approvator', 'aprovaç', 'aprovador']),
  c('reveal', false, ['reveal', 'paraphrase', 'preisgeb', 'offenbar', 'verrat', 'umschreib', 'révél', 'divulgu', 'paraphras', 'revelar', 'parafrase', 'onthul', 'prijsgeven', 'rivelar', 'parafras']),
  c('external-links', false, ['markdown', 'external site', 'externe seite', 'externe website', 'site externe', 'sites externes', 'sitio externo', 'sitios externos', 'externe site', 'externe sites', 'sito estern', 'siti estern', 'site extern', 'sites extern']),
  c('recipients', false, ['recipient', 'empfänger', 'destinataire', 'destinatario', 'ontvanger', 'destinatári']),
  c('impersonation', false, ['administrator', 'administrateur', 'administrador', 'beheerder', 'amministrator']),
  c('tools', false, ['tool', 'werkzeug', 'outil', 'herramienta', 'strument', 'ferrament']),
];

/** "never" in the agent's languages; a system prompt is a run of prohibitions. */
const prohibition = /(?<![\p{L}\p{N}])(?:never|nie|niemals|jamais|nunca|jamás|nooit|mai più)(?![\p{L}\p{N}])/giu;
const prohibitionRun = 3;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// One pass over the text: an alternation of every stem (longest first); the matched stem names
// its concept. Word stems count only at a word start. That check is made here, not by a
// look-behind in the pattern: a look-behind (and the case-insensitive flag, useless on
// lower-cased text) keeps the regex engine from skipping ahead, which made this scan ten times
// slower. A match rejected for its start resumes one character later, as the look-behind would.
const conceptOf = new Map<string, Concept>();
for (const concept of concepts) for (const stem of concept.stems) if (!conceptOf.has(stem)) conceptOf.set(stem, concept);
const byLength = [...conceptOf.keys()].sort((a, b) => b.length - a.length);
const wordStems = byLength.filter((s) => /^[\p{L}\p{N}]/u.test(s));
const symbolStems = byLength.filter((s) => !/^[\p{L}\p{N}]/u.test(s));
const isWordStem = new Set(wordStems);
const anyStem = new RegExp([...wordStems, ...symbolStems].map(escape).join('|'), 'gu');
const wordCharBefore = /[\p{L}\p{N}]$/u;

/** True when the code point before `at` is a letter or digit (a stem there is inside a word). */
function insideWord(text: string, at: number): boolean {
  if (at === 0) return false;
  const unit = text.charCodeAt(at - 1);
  if (unit < 0x80) return (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x30 && unit <= 0x39);
  const from = unit >= 0xdc00 && unit <= 0xdfff && at >= 2 ? at - 2 : at - 1;
  return wordCharBefore.test(text.slice(from, at));
}

export interface ConceptHits {
  /** Names of the concepts the text touches. */
  names: string[];
  /** How many of them are distinctive of an agent's own rules. */
  distinctive: number;
}

export function disclosureConcepts(text: string): ConceptHits {
  const lower = collapseWhitespace(text.toLowerCase());
  const found = new Set<Concept>();
  anyStem.lastIndex = 0;
  for (let m = anyStem.exec(lower); m !== null; m = anyStem.exec(lower)) {
    if (isWordStem.has(m[0]) && insideWord(lower, m.index)) {
      anyStem.lastIndex = m.index + 1;
      continue;
    }
    found.add(conceptOf.get(m[0])!);
  }
  const names = [...found].map((f) => f.name);
  let distinctive = [...found].filter((f) => f.distinctive).length;
  if ((lower.match(prohibition)?.length ?? 0) >= prohibitionRun) {
    names.push('prohibitions');
    distinctive++;
  }
  return { names, distinctive };
}
