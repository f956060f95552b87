// Spotlighting of untrusted content (tool output, files, mail, pages).
//
// Chosen scheme: delimiting + datamarking (Hines et al., "Defending Against
// Indirect Prompt Injection Attacks With Spotlighting", 2024):
//   ⟦DATA id=<per-turn random id> source=<tool>⟧
//   everyˆspaceˆisˆreplacedˆbyˆtheˆdatamarkˆcharacterˆ
//   ⟦END DATA id=<same id>⟧
// Why this cannot be forged by the content:
//   - the boundary brackets ⟦ ⟧ (and look-alikes) are rewritten to [ ] inside
//     the content, so no content line can ever be a boundary line;
//   - the turn's random id is removed from the content, so it cannot be guessed
//     from an earlier turn and replayed;
//   - marker-like phrases ("END DATA", "begin untrusted content") and chat
//     template tokens (<|im_start|>, [INST], <<SYS>>) are replaced;
//   - the datamark character in the content is rewritten to ^, so unmarked
//     text cannot be made to look marked, and invisible characters (zero-width,
//     bidi overrides, Unicode tag characters used for "ASCII smuggling") are removed.
// Datamarking (not base64) keeps the text readable for the model and the
// summaries the user asked for, at the cost of some tokens.
import { randomUUID } from 'node:crypto';

export interface SpotlightMarker {
  /** Random per turn; appears in both boundary lines. */
  id: string;
  /** Replaces every space inside a data block. */
  dataMark: string;
}

/** Branded string: only spotlight() makes one, so raw tool output cannot be appended by mistake. */
export type SpotlightedText = string & { readonly __spotlighted: unique symbol };

export const DATA_MARK = '\u02C6'; // ˆ modifier letter circumflex
const OPEN = '\u27E6'; // ⟦
const CLOSE = '\u27E7'; // ⟧
const MAX_INPUT_CHARS = 1_000_000;

/**
 * 80 random bits as 20 hex digits: the parts of a UUID v4 that carry no version bits. Node hands
 * UUIDs out of a pool (one call into the CSPRNG per 128 of them); randomBytes costs one per call.
 */
export function newSpotlightMarker(): SpotlightMarker {
  const uuid = randomUUID();
  return { id: uuid.slice(0, 8) + uuid.slice(24), dataMark: DATA_MARK };
}

// Brackets that look like the boundary characters, mapped to plain ASCII.
const bracketLookalikes = /[\u27E6\u301A\u27EA\u2E28\u3010\u3016\u27E8\u2329\u3008\uFF3B]/g;
const closingLookalikes = /[\u27E7\u301B\u27EB\u2E29\u3011\u3017\u27E9\u232A\u3009\uFF3D]/g;
// Invisible / direction-changing characters and Unicode tags (U+E0000..U+E007F as surrogate pairs).
const invisible = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]|\uDB40[\uDC00-\uDC7F]/g;
// C0/C1 controls except tab and newline.
const controls = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Marker-like phrases. Every repeat is bounded, so the pattern is linear.
// "end of the document" in ordinary prose is left alone; "END DATA", "end of untrusted content",
// "begin data block", "start of context" are not.
const markerPhrases =
  /\b(?:begin|end|start|close|open|stop)[ \t_-]{0,3}(?:of[ \t_-]{1,3})?(?:the[ \t_-]{1,3})?(?:(?:untrusted|external|tool)[ \t_-]{0,3}(?:data|document|content|block|input|output)|data(?:[ \t_-]{0,3}block)?|context)\b/gi;
const templateTokens = /<\|[a-z_]{1,20}\|>|\[\/?INST\]|<<\/?SYS>>|<\/?(?:system|assistant|user|tool)>/gi;

/** Makes untrusted text safe to place between boundary lines. */
export function neutralizeUntrusted(content: string, marker: SpotlightMarker): string {
  let text = content.length > MAX_INPUT_CHARS ? content.slice(0, MAX_INPUT_CHARS) : content;
  text = text.replace(/\r\n?/g, '\n').replace(invisible, '').replace(controls, '');
  text = text.replace(bracketLookalikes, '[').replace(closingLookalikes, ']');
  if (marker.id) text = replaceAllInsensitive(text, marker.id, '[id]');
  text = text.replace(markerPhrases, '[marker-like text]').replace(templateTokens, '[template-token]');
  return text.split(marker.dataMark).join('^');
}

/** Wraps untrusted content for the model. `source` names where it came from, e.g. "tool:read_file". */
export function spotlight(content: string, source: string, marker: SpotlightMarker): SpotlightedText {
  const body = datamark(neutralizeUntrusted(typeof content === 'string' ? content : String(content), marker), marker.dataMark);
  const src = safeSource(source);
  return `${OPEN}DATA id=${marker.id} source=${src}${CLOSE}\n${body}\n${OPEN}END DATA id=${marker.id}${CLOSE}` as SpotlightedText;
}

/** Marks every run of spaces/tabs and every line end with the datamark character. */
function datamark(text: string, mark: string): string {
  return text.replace(/[ \t\u00A0\u3000]+/g, mark).replace(/\n/g, `${mark}\n`);
}

function safeSource(source: string): string {
  const cleaned = String(source ?? '').replace(/[^A-Za-z0-9:_./-]/g, '').slice(0, 64);
  return cleaned || 'unknown';
}

function replaceAllInsensitive(text: string, needle: string, replacement: string): string {
  const lower = text.toLowerCase();
  const n = needle.toLowerCase();
  let out = '';
  let from = 0;
  for (let at = lower.indexOf(n); at !== -1; at = lower.indexOf(n, from)) {
    out += text.slice(from, at) + replacement;
    from = at + n.length;
  }
  return out + text.slice(from);
}

export interface DataBlock {
  id: string;
  source: string;
  /** The content with datamarks turned back into spaces. */
  text: string;
}

const blockPattern = /\u27E6DATA id=([A-Za-z0-9]{1,32}) source=([A-Za-z0-9:_./-]{1,64})\u27E7\n([^\u27E6\u27E7]*)\n\u27E6END DATA id=\1\u27E7/g;

/** Finds the data blocks in a message (content can contain no ⟦ ⟧, so blocks never nest). */
export function readDataBlocks(text: string, dataMark: string = DATA_MARK): DataBlock[] {
  const blocks: DataBlock[] = [];
  for (const m of text.matchAll(blockPattern)) {
    blocks.push({ id: m[1] ?? '', source: m[2] ?? '', text: unmark(m[3] ?? '', dataMark) });
  }
  return blocks;
}

/** Turns spotlighted text back into plain text: each block becomes its content, other text stays. */
export function despotlight(text: string, dataMark: string = DATA_MARK): string {
  return text.replace(blockPattern, (_m, _id: string, _source: string, body: string) => unmark(body, dataMark));
}

function unmark(body: string, mark: string): string {
  return body.split(`${mark}\n`).join('\n').split(mark).join(' ');
}
