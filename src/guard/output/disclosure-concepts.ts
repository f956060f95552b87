// What a system prompt of an agent like this one talks about, in the languages
// the agent answers in (en, de, fr, es, nl, it, pt), plus symbols no language
// translates. A translated or paraphrased system prompt touches many of these
// concepts at once; an ordinary answer (even a refusal that mentions
// "instructions") touches one or two. Stems match at a word start, so one
// entry covers inflections ("genehmig" -> Genehmigung, genehmigen).
const concepts: Array<[string, string[]]> = [
  ['instructions', ['system prompt', 'system message', 'instruction', 'systemnachricht', 'systemprompt', 'anweisung', 'message système', 'invite système', 'consigne', 'mensaje del sistema', 'instrucci', 'systeembericht', 'instructie', 'messaggio di sistema', 'istruzion', 'mensagem do sistema', 'instruç']],
  ['untrusted', ['untrusted', 'not trusted', 'nicht vertrauenswürdig', 'unvertrauenswürdig', 'non fiable', 'pas fiable', 'non digne de confiance', 'no confiable', 'no fiable', 'niet vertrouwd', 'niet-vertrouwd', 'onbetrouwba', 'non attendibil', 'non affidabil', 'não confiáv', 'nao confiav']],
  ['data-block', ['data block', 'datablock', 'datenblock', 'daten-block', 'bloc de données', 'blocs de données', 'bloque de datos', 'bloques de datos', 'datablok', 'blocco di dati', 'blocchi di dati', 'bloco de dados', 'blocos de dados', '⟦data', '⟦end data']],
  ['obey', ['obey', 'never follow', 'befolg', 'gehorch', 'obéi', 'obei', 'obedec', 'opvolg', 'gehoorza', 'obbedi', 'obedeç']],
  ['encoding', ['base64', 'hex', 'reversed text', 'umgekehrt', 'inversé', 'texte inversé', 'invertido', 'omgekeerd', 'invertit']],
  ['approval', ['approval', 'approver', 'genehmig', 'freigabe', 'approbat', 'aprobaci', 'aprobador', 'goedkeur', 'approvazion', 'approvator', 'aprovaç', 'aprovador']],
  ['reveal', ['reveal', 'paraphrase', 'preisgeb', 'offenbar', 'verrat', 'umschreib', 'révél', 'divulgu', 'paraphras', 'revelar', 'parafrase', 'onthul', 'prijsgeven', 'rivelar', 'parafras']],
  ['secret-marker', ['secret marker', 'canary', 'geheime markierung', 'geheimer marker', 'geheimes kennzeichen', 'marqueur secret', 'marcador secreto', 'geheime markering', 'geheime marker', 'marcatore segreto', 'marcador secreto']],
  ['external-links', ['markdown', 'external site', 'externe seite', 'externe website', 'site externe', 'sites externes', 'sitio externo', 'sitios externos', 'externe site', 'externe sites', 'sito estern', 'siti estern', 'site extern', 'sites extern']],
  ['recipients', ['recipient', 'empfänger', 'destinataire', 'destinatario', 'ontvanger', 'destinatári']],
  ['impersonation', ['administrator', 'administrateur', 'administrador', 'beheerder', 'amministrator']],
  ['outside-control', ['outside your control', 'outside of your control', 'beyond your control', 'außerhalb deiner kontrolle', 'außerhalb ihrer kontrolle', 'hors de ton contrôle', 'hors de votre contrôle', 'fuera de tu control', 'fuera de su control', 'buiten je controle', 'buiten uw controle', 'fuori dal tuo controllo', 'fora do seu controle', 'fora do teu controlo']],
  ['circumvent', ['get around', 'circumvent', 'umgeh', 'contourn', 'eludir', 'sortear', 'omzeil', 'aggirar', 'contornar']],
  ['tools', ['tool', 'werkzeug', 'outil', 'herramienta', 'strument', 'ferrament']],
  ['space-mark', ['ˆ']],
];

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// One pass over the text: an alternation of every stem, word stems anchored at a word start
// (symbols match anywhere); the matched stem names its concept.
const conceptOf = new Map<string, string>();
for (const [name, stems] of concepts) for (const stem of stems) if (!conceptOf.has(stem)) conceptOf.set(stem, name);
const byLength = [...conceptOf.keys()].sort((a, b) => b.length - a.length);
const wordStems = byLength.filter((s) => /^[\p{L}\p{N}]/u.test(s));
const symbolStems = byLength.filter((s) => !/^[\p{L}\p{N}]/u.test(s));
const anyStem = new RegExp(`(?<![\\p{L}\\p{N}])(?:${wordStems.map(escape).join('|')})|${symbolStems.map(escape).join('|')}`, 'giu');

/** Names of the disclosure concepts the text touches. */
export function disclosureConcepts(text: string): string[] {
  const lower = text.toLowerCase().replace(/\s+/g, ' ');
  const found = new Set<string>();
  for (const m of lower.matchAll(anyStem)) {
    const concept = conceptOf.get(m[0]);
    if (concept) found.add(concept);
  }
  return [...found];
}

export const disclosureConceptCount = concepts.length;
