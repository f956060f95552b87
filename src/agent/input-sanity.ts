// First look at the user's text, before any guard: reject what cannot be a
// chat message (empty, binary) with a clear answer instead of feeding it on.

export type SanityResult = { ok: true; text: string } | { ok: false; reason: 'empty' | 'binary' | 'too-long'; reply: string };

// Control characters other than tab, newline and carriage return.
const controlChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function checkInputSanity(raw: unknown, maxChars: number): SanityResult {
  const text = typeof raw === 'string' ? raw : '';
  if (text.trim().length === 0) {
    return { ok: false, reason: 'empty', reply: 'I did not receive any text. Type a question or "help" to see what I can do.' };
  }
  if (text.length > maxChars) {
    return { ok: false, reason: 'too-long', reply: `That message is too long for me (${text.length.toLocaleString('en-US')} characters; the limit is ${maxChars.toLocaleString('en-US')}). Please shorten it or share the document as a file.` };
  }
  const controls = text.match(controlChars)?.length ?? 0;
  const replacement = countChar(text, '\uFFFD');
  if ((controls + replacement) / text.length > 0.1) {
    return { ok: false, reason: 'binary', reply: 'That message looks like binary data rather than text, so I did not process it. Please send plain text.' };
  }
  return { ok: true, text: text.replace(controlChars, '') };
}

function countChar(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n++;
  return n;
}
