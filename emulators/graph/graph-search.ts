// POST /v1.0/search/query for driveItem and listItem: security-trimmed to what
// the caller may read, terms combined with AND, summaries with <c0> highlights
// and <ddd/> like the Microsoft Search API.
import { graphErrors } from './graph-errors.js';
import { requireScope, type GraphCaller } from './graph-auth.js';
import { driveItemJson, listItemJson } from './graph-shapes.js';
import type { GraphStore } from './graph-store.js';

const fileSearchScopes = ['Files.Read.All', 'Files.ReadWrite.All', 'Sites.Read.All', 'Sites.ReadWrite.All'];
const listSearchScopes = ['Sites.Read.All', 'Sites.ReadWrite.All'];
const noiseWords = new Set(['a', 'an', 'and', 'the', 'of', 'about', 'for', 'to', 'in', 'on', 'or', 'my', 'me', 'i', 'is', 'are', 'what', 'which', 'do', 'have', 'with']);

interface SearchRequest {
  entityTypes?: unknown;
  query?: { queryString?: unknown };
  from?: unknown;
  size?: unknown;
}

export function searchQuery(store: GraphStore, caller: GraphCaller, body: unknown) {
  const requests = (body as { requests?: unknown })?.requests;
  if (!Array.isArray(requests) || requests.length === 0) throw graphErrors.badRequest('Requests must contain at least one search request.');
  if (requests.length > 1) throw graphErrors.badRequest('Only one search request is supported per call in this emulator.');
  const request = requests[0] as SearchRequest;
  const types = Array.isArray(request.entityTypes) ? request.entityTypes.map(String) : [];
  if (types.length === 0) throw graphErrors.badRequest('entityTypes is required.');
  for (const t of types) if (t !== 'driveItem' && t !== 'listItem') throw graphErrors.badRequest(`Entity type '${t}' is not supported by this emulator (driveItem, listItem).`);
  const queryString = request.query?.queryString;
  if (typeof queryString !== 'string' || queryString.trim() === '') throw graphErrors.badRequest('query.queryString is required.');
  if (queryString.length > 4096) throw graphErrors.badRequest('query.queryString is too long.');
  if (types.includes('driveItem')) requireScope(caller, fileSearchScopes);
  if (types.includes('listItem')) requireScope(caller, listSearchScopes);
  const from = clampInt(request.from, 0, 0, 10_000);
  const size = clampInt(request.size, 25, 1, 500);

  const terms = tokenize(queryString).filter((t) => !noiseWords.has(t));
  const hits: Array<{ score: number; when: string; hitId: string; summary: string; resource: unknown }> = [];
  if (terms.length > 0 && types.includes('driveItem')) {
    for (const item of store.items.values()) {
      if (!store.itemRole(item, caller.upn)) continue;
      const text = `${item.name}\n${item.indexText}`;
      const score = scoreText(text, terms);
      if (score > 0) hits.push({ score, when: item.lastModifiedDateTime, hitId: item.id, summary: summarize(item.indexText || item.name, terms), resource: driveItemJson(store, item) });
    }
  }
  if (terms.length > 0 && types.includes('listItem')) {
    for (const site of store.sites.values()) {
      if (!store.siteRole(site, caller.upn)) continue;
      for (const list of site.lists) {
        for (const entry of list.items) {
          const text = Object.values(entry.fields).map(String).join(' ');
          const score = scoreText(text, terms);
          if (score > 0) hits.push({ score, when: entry.lastModifiedDateTime, hitId: `${list.id}:${entry.id}`, summary: summarize(text, terms), resource: listItemJson(site, list, entry, true) });
        }
      }
    }
  }
  hits.sort((a, b) => b.score - a.score || b.when.localeCompare(a.when));
  const page = hits.slice(from, from + size);
  return {
    '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.searchResponse)',
    value: [
      {
        searchTerms: terms,
        hitsContainers: [
          {
            hits: page.map((h, i) => ({ hitId: h.hitId, rank: from + i + 1, summary: h.summary, resource: h.resource })),
            total: hits.length,
            moreResultsAvailable: from + size < hits.length,
          },
        ],
      },
    ],
  };
}

/** Words of the query, KQL property filters (name:value) dropped. Linear scan, no backtracking. */
function tokenize(query: string): string[] {
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => !w.includes(':'))
    .flatMap((w) => w.split(/[^\p{L}\p{N}]+/u))
    .filter((w) => w.length > 0 && w.length <= 64);
}

/** Every term must occur (AND); the score counts occurrences. */
function scoreText(text: string, terms: string[]): number {
  const haystack = text.toLowerCase();
  let score = 0;
  for (const term of terms) {
    let count = 0;
    for (let at = haystack.indexOf(term); at !== -1 && count < 100; at = haystack.indexOf(term, at + term.length)) count++;
    if (count === 0) return 0;
    score += count;
  }
  return score;
}

function summarize(text: string, terms: string[]): string {
  const lowerText = text.toLowerCase();
  const first = Math.max(0, Math.min(...terms.map((t) => lowerText.indexOf(t)).filter((i) => i >= 0)));
  const start = Math.max(0, first - 60);
  let snippet = text.slice(start, start + 180).replace(/\s+/g, ' ');
  for (const term of terms) {
    const re = new RegExp(term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
    snippet = snippet.replace(re, (m) => `<c0>${m}</c0>`);
  }
  return `${start > 0 ? '<ddd/>' : ''}${snippet}<ddd/>`;
}

function clampInt(value: unknown, fallback: number, min: number, max: number): number {
  const n = typeof value === 'number' ? value : Number.NaN;
  return Number.isInteger(n) ? Math.min(max, Math.max(min, n)) : fallback;
}
