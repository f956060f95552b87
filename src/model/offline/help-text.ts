// What the offline demo model says it can do: one line per tool it has, with an
// example that works in the tenant (the colleague, site and list come from
// configuration, never from code), in English or, for a user who writes in
// German, French or Spanish, in their language.
import type { ModelToolSpec } from '../model-types.js';

export interface HelpExamples {
  /** A colleague's address inside the tenant (OFFLINE_HELP_COLLEAGUE). */
  colleague?: string;
  /** A SharePoint site the users can open (OFFLINE_HELP_SITE). */
  site?: string;
  /** A list on that site (OFFLINE_HELP_LIST). */
  list?: string;
}

type Language = 'en' | 'de' | 'fr' | 'es';

interface Phrases {
  intro: string;
  noTools: string;
  outro: string;
  /** Shown to users writing in another language: requests are read in English. */
  english?: string;
  lines: Record<string, string>;
}

// Each line: what the tool does (in the language), then English examples ({colleague}, {site}, {list} from configuration).
const phrases: Record<Language, Phrases> = {
  en: {
    intro: "Hi! I'm the Secure Teams Agent, running on its offline demo model. I can:",
    noTools: "Hi! I'm the Secure Teams Agent, running on its offline demo model. No tools are available in this conversation, so I can only answer with this help text.",
    outro: 'I remember the recent messages of this conversation ("summarise the second one", "who last edited it?"); say "reset" to make me forget them. Actions that change or share data go through a policy check and may need approval.',
    lines: {
      who_am_i: 'tell you who you are signed in as ("who am I?")',
      search_files: 'search your files ("what files do I have about the budget?")',
      read_file: 'summarise a file ("summarise the budget file", then "summarise the second one")',
      list_recent_files: 'show your recent files ("recent files")',
      list_site_pages: 'list a SharePoint site\'s pages ("pages of the {site} site")',
      list_list_items: 'show a SharePoint list ("items in the {list} list on the {site} site")',
      send_mail: 'send a mail ("send a mail to {colleague} about lunch saying see you at noon", or "send that summary to {colleague}")',
      create_sharing_link: 'share a file ("share the budget file with {colleague}")',
      delete_file: 'delete a file ("delete the old draft file")',
      create_event: 'schedule a meeting ("schedule a meeting with {colleague} tomorrow at 10 about the budget")',
    },
  },
  de: {
    intro: 'Hallo! Ich bin der Secure Teams Agent und laufe mit dem Offline-Demomodell. Ich kann:',
    noTools: 'Hallo! Ich bin der Secure Teams Agent (Offline-Demomodell). In dieser Unterhaltung stehen mir keine Werkzeuge zur Verfügung.',
    outro: 'Aktionen, die Daten ändern oder teilen, prüft eine Richtlinie; manche brauchen eine Freigabe.',
    english: 'Dieses Demomodell versteht Anfragen nur auf Englisch, zum Beispiel die Sätze in Klammern.',
    lines: {
      who_am_i: 'sagen, als wer Sie angemeldet sind ("who am I?")',
      search_files: 'Ihre Dateien durchsuchen ("what files do I have about the budget?")',
      read_file: 'eine Datei zusammenfassen ("summarise the budget file")',
      list_recent_files: 'Ihre zuletzt verwendeten Dateien zeigen ("recent files")',
      list_site_pages: 'die Seiten einer SharePoint-Website auflisten ("pages of the {site} site")',
      list_list_items: 'eine SharePoint-Liste zeigen ("items in the {list} list on the {site} site")',
      send_mail: 'eine E-Mail senden ("send a mail to {colleague} about lunch saying see you at noon")',
      create_sharing_link: 'eine Datei teilen ("share the budget file with {colleague}")',
      delete_file: 'eine Datei löschen ("delete the old draft file")',
      create_event: 'eine Besprechung planen ("schedule a meeting with {colleague} tomorrow at 10 about the budget")',
    },
  },
  fr: {
    intro: "Bonjour ! Je suis le Secure Teams Agent, avec son modèle de démonstration hors ligne. Je peux :",
    noTools: "Bonjour ! Je suis le Secure Teams Agent (modèle de démonstration hors ligne). Aucun outil n'est disponible dans cette conversation.",
    outro: 'Les actions qui modifient ou partagent des données passent par une règle de sécurité et peuvent demander une approbation.',
    english: 'Ce modèle de démonstration ne comprend les demandes qu’en anglais, par exemple les phrases entre parenthèses.',
    lines: {
      who_am_i: 'vous dire sous quel compte vous êtes connecté ("who am I?")',
      search_files: 'chercher dans vos fichiers ("what files do I have about the budget?")',
      read_file: 'résumer un fichier ("summarise the budget file")',
      list_recent_files: 'afficher vos fichiers récents ("recent files")',
      list_site_pages: "lister les pages d'un site SharePoint (\"pages of the {site} site\")",
      list_list_items: 'afficher une liste SharePoint ("items in the {list} list on the {site} site")',
      send_mail: 'envoyer un e-mail ("send a mail to {colleague} about lunch saying see you at noon")',
      create_sharing_link: 'partager un fichier ("share the budget file with {colleague}")',
      delete_file: 'supprimer un fichier ("delete the old draft file")',
      create_event: 'planifier une réunion ("schedule a meeting with {colleague} tomorrow at 10 about the budget")',
    },
  },
  es: {
    intro: '¡Hola! Soy el Secure Teams Agent y funciono con el modelo de demostración sin conexión. Puedo:',
    noTools: '¡Hola! Soy el Secure Teams Agent (modelo de demostración sin conexión). En esta conversación no tengo herramientas disponibles.',
    outro: 'Las acciones que cambian o comparten datos pasan por una política de seguridad y pueden necesitar aprobación.',
    english: 'Este modelo de demostración solo entiende peticiones en inglés, por ejemplo las frases entre paréntesis.',
    lines: {
      who_am_i: 'decirle con qué cuenta ha iniciado sesión ("who am I?")',
      search_files: 'buscar en sus archivos ("what files do I have about the budget?")',
      read_file: 'resumir un archivo ("summarise the budget file")',
      list_recent_files: 'mostrar sus archivos recientes ("recent files")',
      list_site_pages: 'listar las páginas de un sitio de SharePoint ("pages of the {site} site")',
      list_list_items: 'mostrar una lista de SharePoint ("items in the {list} list on the {site} site")',
      send_mail: 'enviar un correo ("send a mail to {colleague} about lunch saying see you at noon")',
      create_sharing_link: 'compartir un archivo ("share the budget file with {colleague}")',
      delete_file: 'eliminar un archivo ("delete the old draft file")',
      create_event: 'programar una reunión ("schedule a meeting with {colleague} tomorrow at 10 about the budget")',
    },
  },
};

const toolOrder = ['who_am_i', 'search_files', 'read_file', 'list_recent_files', 'list_site_pages', 'list_list_items', 'send_mail', 'create_sharing_link', 'delete_file', 'create_event'];

// The help is most of the offline model's answers and depends only on these inputs: rendered once each.
const renderedHelp = new Map<string, string>();
const maxRenderedHelp = 64;

export function helpText(tools: Map<string, ModelToolSpec>, examples: HelpExamples = {}, language: Language = 'en'): string {
  const key = JSON.stringify([language, toolOrder.filter((tool) => tools.has(tool)), examples.colleague, examples.site, examples.list]);
  let text = renderedHelp.get(key);
  if (text === undefined) {
    text = renderHelp(tools, examples, language);
    if (renderedHelp.size >= maxRenderedHelp) renderedHelp.clear();
    renderedHelp.set(key, text);
  }
  return text;
}

function renderHelp(tools: Map<string, ModelToolSpec>, examples: HelpExamples, language: Language): string {
  const p = phrases[language];
  const values: Record<string, string | undefined> = { colleague: examples.colleague, site: examples.site, list: examples.list };
  const lines = toolOrder
    .filter((tool) => tools.has(tool))
    .map((tool) => {
      const line = p.lines[tool] ?? tool;
      // An example naming a site, list or colleague that is not configured would not work: drop the example, keep the ability.
      if ([...line.matchAll(/\{(colleague|site|list)\}/g)].some((m) => values[m[1] ?? ''] === undefined)) return `- ${line.replace(/\s*\(.*\)$/, '')}`;
      return `- ${line.replace(/\{(colleague|site|list)\}/g, (_m, key: string) => values[key] ?? '')}`;
    });
  if (lines.length === 0) return p.noTools;
  return [p.intro, ...lines, p.outro, ...(p.english ? [p.english] : [])].join('\n');
}

// Short, frequent words that English does not use: three or more of one language decide it.
const markers: Record<Exclude<Language, 'en'>, Set<string>> = {
  de: new Set('ich du sie und der die das nicht ist bitte was wie kannst können mir mich meine meinen dateien datei über zeig zeige hallo guten welche habe hast eine einen dem den mit für auch noch'.split(' ')),
  fr: new Set('je tu vous et le la les des une un est pas que quoi quel quels quelles mes mon ma fichiers fichier bonjour pouvez peux sur avec pour moi montre montrez résume résumer ai avez'.split(' ')),
  es: new Set('yo tú usted y el la los las una un es no que qué cuál mis mi archivos archivo hola puedes puede sobre con para por favor muéstrame resume tengo tienes del'.split(' ')),
};

/** The language of a message when it is clearly German, French or Spanish; else undefined (English or unsure). */
function detectLanguage(text: string): Exclude<Language, 'en'> | undefined {
  const words = text.toLowerCase().slice(0, 2000).split(/[^\p{L}]+/u).filter(Boolean);
  if (words.length === 0) return undefined;
  let best: Exclude<Language, 'en'> | undefined;
  let bestHits = 0;
  for (const [language, set] of Object.entries(markers) as Array<[Exclude<Language, 'en'>, Set<string>]>) {
    const hits = words.filter((w) => set.has(w)).length;
    if (hits > bestHits) {
      best = language;
      bestHits = hits;
    }
  }
  // One marker is not enough ("die" is English too); two for short messages, or a third of the words.
  return bestHits >= 2 && bestHits * 4 >= words.length ? best : undefined;
}

/** Help in the user's language when they wrote in one this model can name but not read. */
export function localizedHelp(text: string, tools: Map<string, ModelToolSpec>, examples: HelpExamples): string | undefined {
  const language = detectLanguage(text);
  return language ? helpText(tools, examples, language) : undefined;
}
