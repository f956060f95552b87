// A tiny linear XML tokenizer for pulling text out of Office Open XML parts.
// No nested quantifiers: tags are found with indexOf, so hostile input cannot
// cause catastrophic backtracking.

export type XmlToken = { kind: 'open' | 'close' | 'empty'; name: string; attrs: string } | { kind: 'text'; text: string };

export function* xmlTokens(xml: string): Generator<XmlToken> {
  let at = 0;
  while (at < xml.length) {
    const lt = xml.indexOf('<', at);
    if (lt === -1) {
      yield { kind: 'text', text: decodeEntities(xml.slice(at)) };
      return;
    }
    if (lt > at) yield { kind: 'text', text: decodeEntities(xml.slice(at, lt)) };
    const gt = xml.indexOf('>', lt);
    if (gt === -1) return;
    const inner = xml.slice(lt + 1, gt);
    at = gt + 1;
    if (inner.startsWith('?') || inner.startsWith('!')) continue;
    if (inner.startsWith('/')) {
      yield { kind: 'close', name: inner.slice(1).trim(), attrs: '' };
      continue;
    }
    const selfClosing = inner.endsWith('/');
    const body = selfClosing ? inner.slice(0, -1) : inner;
    const space = body.search(/\s/);
    const name = space === -1 ? body : body.slice(0, space);
    yield { kind: selfClosing ? 'empty' : 'open', name, attrs: space === -1 ? '' : body.slice(space) };
  }
}

export function attr(attrs: string, name: string): string | undefined {
  const key = ` ${name}="`;
  const start = (' ' + attrs.replace(/\s/g, ' ')).indexOf(key);
  if (start === -1) return undefined;
  const from = start + key.length - 1;
  const end = attrs.indexOf('"', from);
  return end === -1 ? undefined : attrs.slice(from, end);
}

const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return safeCodePoint(parseInt(ref.slice(2), 16)) ?? whole;
    if (ref.startsWith('#')) return safeCodePoint(parseInt(ref.slice(1), 10)) ?? whole;
    return named[ref] ?? whole;
  });
}

function safeCodePoint(n: number): string | undefined {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
}
