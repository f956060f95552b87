// Passes only the parts of a document the turn needs: the text is cut into
// chunks (paragraphs, then sentences, then hard cuts), each chunk is scored by
// how often the query's terms occur in it (BM25-style saturation, rarer terms
// weigh more), and the best chunks are kept, in document order, within a
// character budget. A whole file never reaches the model unless it fits.

export interface ChunkOptions {
  /** Most characters returned (about 4 characters per token). */
  budgetChars?: number;
  /** Largest single chunk. */
  maxChunkChars?: number;
}

export interface ChunkSelection {
  text: string;
  totalChars: number;
  chunkCount: number;
  selectedCount: number;
  /** True when some of the content was left out. */
  truncated: boolean;
}

export const DEFAULT_BUDGET_CHARS = 4000;
export const DEFAULT_MAX_CHUNK_CHARS = 800;
const GAP = '\n[…]\n';
const MAX_SCAN_CHARS = 2_000_000;

const stopwords = new Set(
  'the and for are but not you all any can had her was one our out his has him how its may new now see two who did get let put say she too use what when where which with this that from have about into your there their them they then than what will would could should please file files document documents show tell find give list read summarise summarize'.split(' '),
);

export function queryTerms(query: string): string[] {
  const terms = new Set<string>();
  for (const word of query.toLowerCase().slice(0, 2000).split(/[^\p{L}\p{N}]+/u)) {
    if (word.length >= 3 && !stopwords.has(word)) terms.add(word);
  }
  return [...terms];
}

/** Splits text into chunks no longer than maxChunkChars, preferring paragraph and sentence ends. */
export function splitIntoChunks(text: string, maxChunkChars: number = DEFAULT_MAX_CHUNK_CHARS): string[] {
  const chunks: string[] = [];
  for (const paragraph of text.split(/\n[ \t]{0,20}\n/)) {
    const p = paragraph.trim();
    if (!p) continue;
    if (p.length <= maxChunkChars) {
      chunks.push(p);
      continue;
    }
    let current = '';
    for (const sentence of p.split(/(?<=[.!?])\s+/)) {
      if (current && current.length + 1 + sentence.length > maxChunkChars) {
        chunks.push(current);
        current = '';
      }
      if (sentence.length > maxChunkChars) {
        for (let i = 0; i < sentence.length; i += maxChunkChars) chunks.push(sentence.slice(i, i + maxChunkChars));
        continue;
      }
      current = current ? `${current} ${sentence}` : sentence;
    }
    if (current) chunks.push(current);
  }
  return chunks;
}

function countTerm(haystack: string, term: string): number {
  let n = 0;
  for (let at = haystack.indexOf(term); at !== -1 && n < 50; at = haystack.indexOf(term, at + term.length)) n++;
  return n;
}

/** Keeps the chunks most relevant to the query within the budget. */
export function selectRelevantChunks(content: string, query: string, options: ChunkOptions = {}): ChunkSelection {
  const budget = Math.max(200, options.budgetChars ?? DEFAULT_BUDGET_CHARS);
  const maxChunk = Math.max(50, Math.min(options.maxChunkChars ?? DEFAULT_MAX_CHUNK_CHARS, budget));
  const text = content.length > MAX_SCAN_CHARS ? content.slice(0, MAX_SCAN_CHARS) : content;
  if (text.length <= budget) {
    return { text, totalChars: content.length, chunkCount: 1, selectedCount: 1, truncated: content.length > text.length };
  }
  const chunks = splitIntoChunks(text, maxChunk);
  const lowered = chunks.map((c) => c.toLowerCase());
  const terms = queryTerms(query);
  const idf = terms.map((t) => {
    const df = lowered.filter((c) => c.includes(t)).length;
    return Math.log(1 + (chunks.length - df + 0.5) / (df + 0.5));
  });
  const scored = chunks.map((chunk, index) => {
    let score = 0;
    terms.forEach((t, i) => {
      const tf = countTerm(lowered[index] ?? '', t);
      score += ((tf * 2.2) / (tf + 1.2)) * (idf[i] ?? 0);
    });
    // The opening usually names the document; it wins ties against later text.
    if (index === 0) score += 0.01;
    return { index, score, chunk };
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);

  const picked: typeof scored = [];
  let used = 0;
  for (const s of scored) {
    const cost = s.chunk.length + GAP.length;
    if (used + cost > budget) continue;
    picked.push(s);
    used += cost;
  }
  picked.sort((a, b) => a.index - b.index);
  let out = '';
  picked.forEach((p, i) => {
    const previous = picked[i - 1];
    out += i === 0 ? (p.index > 0 ? GAP.trimStart() : '') + p.chunk : (previous && p.index === previous.index + 1 ? '\n\n' : GAP) + p.chunk;
  });
  const last = picked[picked.length - 1];
  if (last && last.index < chunks.length - 1) out += GAP.trimEnd();
  return { text: out, totalChars: content.length, chunkCount: chunks.length, selectedCount: picked.length, truncated: true };
}
