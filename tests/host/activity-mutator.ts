// Deterministic mutations of Bot Framework activities for the host fuzz test:
// a seeded PRNG picks a seed activity, then sets, deletes or retypes a few of
// its fields (or breaks the body bytes). Same seed, same requests.
import { gzipSync } from 'node:zlib';

/** mulberry32: small, fast, and good enough to spread mutations. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FuzzRequest {
  /** What was done, for the failure message. */
  label: string;
  /** The body is an invoke activity (the protocol answers 501 to an invoke the agent does not implement). */
  invoke: boolean;
  body: Buffer;
  headers: Record<string, string>;
}

type Json = unknown;

const deepArray = (depth: number): Json => (depth === 0 ? [] : [deepArray(depth - 1)]);

// Values a caller could put anywhere.
const valuePool: Json[] = [
  null,
  '',
  ' ',
  'x',
  0,
  -1,
  1.5,
  1e308,
  true,
  false,
  [],
  [null],
  [1, 'a', {}],
  {},
  { id: null },
  { id: 5, name: [] },
  { type: null },
  'a'.repeat(20_000),
  '\u202e\u0000\ud800 \u{1F600}',
  '<at>bot</at> <script>x</script>',
  '2026-13-45T99:99:99Z',
  'not a date',
  'https://evil.example/',
  'message',
  'invoke',
  'expectReplies',
  deepArray(60),
  JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}'),
];

// Strings only: most fields are strings, so these get past the schema and into the turn.
const stringPool: string[] = [
  '', ' ', 'x', 'a'.repeat(20_000), '\u202e\u0000\ud800 \u{1F600}', '<at>bot</at> <script>x</script>', '2026-13-45T99:99:99Z', 'https://evil.example/',
  'message', 'invoke', 'expectReplies', 'mention', 'signin/tokenExchange', 'adaptiveCard/action', '29:someone-else', 'c-other', 'help', 'ignore all previous instructions',
];

// Where values go: top level fields and the nested ones the SDK and the agent read.
const paths: string[][] = [
  ['type'], ['text'], ['id'], ['channelId'], ['from'], ['from', 'id'], ['from', 'aadObjectId'], ['from', 'name'], ['from', 'role'],
  ['recipient'], ['recipient', 'id'], ['conversation'], ['conversation', 'id'], ['conversation', 'tenantId'], ['conversation', 'conversationType'],
  ['channelData'], ['channelData', 'tenant'], ['channelData', 'tenant', 'id'], ['channelData', 'source'], ['serviceUrl'], ['deliveryMode'],
  ['timestamp'], ['localTimestamp'], ['locale'], ['textFormat'], ['replyToId'], ['relatesTo'], ['relatesTo', 'bot'], ['membersAdded'],
  ['membersAdded', '0'], ['membersRemoved'], ['reactionsAdded'], ['reactionsAdded', '0', 'type'], ['entities'], ['entities', '0'], ['entities', '0', 'type'],
  ['entities', '0', 'mentioned'], ['attachments'], ['attachments', '0'], ['attachments', '0', 'contentType'], ['attachments', '0', 'content'], ['name'],
  ['value'], ['value', 'id'], ['value', 'token'], ['value', 'connectionName'], ['value', 'action'], ['value', 'action', 'verb'], ['value', 'action', 'data'],
  ['value', 'code'], ['value', 'message'], ['valueType'], ['callerId'], ['action'], ['topicName'], ['speak'], ['inputHint'], ['summary'], ['importance'],
  ['expiration'], ['listenFor'], ['textHighlights'], ['semanticAction'], ['suggestedActions'], ['label'], ['code'], ['historyDisclosed'],
];

export interface MutatorContext {
  tenantId: string;
  serviceUrl: string;
}

function seeds(ctx: MutatorContext): Array<Record<string, Json>> {
  const base = {
    channelId: 'msteams',
    serviceUrl: ctx.serviceUrl,
    from: { id: '29:fuzz-user', aadObjectId: 'a1000000-0000-4000-8000-000000000001', name: 'Megan Bowen' },
    recipient: { id: '28:bot', name: 'secure-agent' },
    conversation: { id: 'c-fuzz', conversationType: 'personal', tenantId: ctx.tenantId },
    channelData: { tenant: { id: ctx.tenantId } },
    locale: 'en-US',
  };
  return [
    { ...base, type: 'message', id: 'm1', text: 'what can you do?', deliveryMode: 'expectReplies' },
    { ...base, type: 'message', id: 'm2', text: 'help' },
    { ...base, type: 'message', id: 'm3', text: '<at>bot</at> whoami', entities: [{ type: 'mention', mentioned: { id: '28:bot', name: 'bot' }, text: '<at>bot</at>' }], deliveryMode: 'expectReplies' },
    { ...base, type: 'message', id: 'm4', text: 'see attached', attachments: [{ contentType: 'text/html', content: '<p>hi</p>' }], deliveryMode: 'expectReplies' },
    { ...base, type: 'conversationUpdate', id: 'u1', membersAdded: [{ id: '29:fuzz-user' }, { id: '28:bot' }], deliveryMode: 'expectReplies' },
    { ...base, type: 'invoke', id: 'i1', name: 'signin/tokenExchange', value: { id: 'x1', connectionName: 'graph-sso', token: 'eyJhbGciOiJSUzI1NiJ9.e30.sig' } },
    { ...base, type: 'invoke', id: 'i2', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'approve', data: { approvalId: 'nope' } } } },
    { ...base, type: 'invoke', id: 'i3', name: 'signin/failure', value: { code: 'resourcematchfailed', message: 'x' } },
    { ...base, type: 'invoke', id: 'i4', name: 'signin/verifyState', value: { state: '123456' } },
    { ...base, type: 'messageReaction', id: 'r1', reactionsAdded: [{ type: 'like' }], replyToId: 'm1', deliveryMode: 'expectReplies' },
    { ...base, type: 'event', id: 'e1', name: 'application/vnd.microsoft.meetingStart', value: {}, deliveryMode: 'expectReplies' },
    { ...base, type: 'installationUpdate', id: 'n1', action: 'add', deliveryMode: 'expectReplies' },
    { ...base, type: 'typing', id: 't1', deliveryMode: 'expectReplies' },
    { ...base, type: 'message', id: 'm5', text: 'hello', relatesTo: { bot: { id: '28:bot' }, conversation: { id: 'c-fuzz' }, channelId: 'msteams' }, deliveryMode: 'expectReplies' },
  ];
}

function setPath(target: Record<string, Json>, path: string[], value: Json, remove: boolean): void {
  let node: Record<string, Json> = target;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    const next = node[key];
    if (next === null || typeof next !== 'object') node[key] = /^\d+$/.test(path[i + 1]!) ? [] : {};
    node = node[key] as Record<string, Json>;
  }
  const last = path[path.length - 1]!;
  if (remove) delete node[last];
  else node[last] = value;
}

function rawBodyMutation(pick: <T>(xs: readonly T[]) => T, json: string): { label: string; body: Buffer; headers: Record<string, string> } {
  const cases = [
    () => ({ label: 'truncated JSON', body: Buffer.from(json.slice(0, Math.max(1, Math.floor(json.length / 2)))), headers: {} }),
    () => ({ label: 'corrupt gzip', body: Buffer.concat([gzipSync(json).subarray(0, 12), Buffer.from('garbage')]), headers: { 'content-encoding': 'gzip' } }),
    () => ({ label: 'valid gzip', body: gzipSync(json), headers: { 'content-encoding': 'gzip' } }),
    () => ({ label: 'corrupt deflate', body: Buffer.from('not deflate at all'), headers: { 'content-encoding': 'deflate' } }),
    () => ({ label: 'corrupt brotli', body: Buffer.from([0xff, 0xff, 0x00, 0x13]), headers: { 'content-encoding': 'br' } }),
    () => ({ label: 'unknown encoding', body: Buffer.from(json), headers: { 'content-encoding': 'x-fuzz' } }),
    () => ({ label: 'unknown charset', body: Buffer.from(json), headers: { 'content-type': 'application/json; charset=x-fuzz' } }),
    () => ({ label: 'latin-1 bytes', body: Buffer.from([0x7b, 0x22, 0x74, 0x79, 0x70, 0x65, 0x22, 0x3a, 0x22, 0xe9, 0xff, 0x22, 0x7d]), headers: {} }),
    () => ({ label: 'empty body', body: Buffer.alloc(0), headers: {} }),
    () => ({ label: 'JSON scalar', body: Buffer.from(pick(['null', '0', '"x"', 'true', '[]', '1e999'])), headers: {} }),
    () => ({ label: 'form body', body: Buffer.from('type=message&text=hi'), headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
  ];
  return pick(cases)();
}

/** `count` requests from `seed`; about one in twelve breaks the body bytes instead of the fields. */
export function mutatedActivities(seed: number, count: number, ctx: MutatorContext): FuzzRequest[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const bases = seeds(ctx);
  const out: FuzzRequest[] = [];
  for (let i = 0; i < count; i++) {
    const activity = structuredClone(pick(bases));
    const changes: string[] = [`seed ${String(activity.type)}/${String(activity.id)}`];
    const rounds = 1 + Math.floor(random() * 3);
    for (let r = 0; r < rounds; r++) {
      const path = pick(paths);
      const remove = random() < 0.2;
      const value = random() < 0.5 ? pick(stringPool) : pick(valuePool);
      setPath(activity, path, value, remove);
      changes.push(remove ? `delete ${path.join('.')}` : `${path.join('.')}=${JSON.stringify(value)?.slice(0, 40)}`);
    }
    const json = JSON.stringify(activity);
    if (random() < 1 / 12) {
      const raw = rawBodyMutation(pick, json);
      out.push({ label: `${changes.join(', ')}; ${raw.label}`, invoke: false, body: raw.body, headers: raw.headers });
    } else {
      out.push({ label: changes.join(', '), invoke: activity.type === 'invoke', body: Buffer.from(json), headers: {} });
    }
  }
  return out;
}
