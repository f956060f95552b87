import assert from 'node:assert/strict';
import { selectRelevantChunks, splitIntoChunks } from '../../src/prompt/relevance-chunker.js';

const filler = (topic: string, n: number) => Array.from({ length: n }, (_, i) => `Paragraph ${i} talks about ${topic} and nothing else of note, at some length to fill space.`).join('\n\n');

describe('relevance chunker', () => {
  it('returns short content whole', () => {
    const r = selectRelevantChunks('Short note about the budget.', 'budget');
    assert.equal(r.text, 'Short note about the budget.');
    assert.equal(r.truncated, false);
  });

  it('keeps long content within the budget and never passes the whole file', () => {
    const doc = filler('gardening', 200);
    const r = selectRelevantChunks(doc, 'budget', { budgetChars: 1000 });
    assert.ok(r.text.length <= 1000, `got ${r.text.length}`);
    assert.ok(r.truncated);
    assert.ok(r.selectedCount < r.chunkCount);
  });

  it('prefers the chunks that match the query, in document order', () => {
    const doc = [filler('gardening', 40), 'The travel budget for 2026 is frozen until March.', filler('cooking', 40), 'Budget owners: finance team approves every budget change.', filler('music', 40)].join('\n\n');
    const r = selectRelevantChunks(doc, 'what does the budget say?', { budgetChars: 400 });
    assert.match(r.text, /travel budget for 2026 is frozen/);
    assert.match(r.text, /finance team approves/);
    assert.ok(r.text.indexOf('travel budget') < r.text.indexOf('finance team'));
    assert.doesNotMatch(r.text, /cooking|music/);
  });

  it('without matching terms keeps the opening of the document', () => {
    const doc = `Title: Quarterly plan.\n\n${filler('other things', 100)}`;
    const r = selectRelevantChunks(doc, 'zebra', { budgetChars: 500 });
    assert.ok(r.text.startsWith('Title: Quarterly plan.'));
  });

  it('splits huge paragraphs and unbroken text into bounded chunks', () => {
    const chunks = splitIntoChunks('x'.repeat(5000), 800);
    assert.equal(chunks.length, 7);
    assert.ok(chunks.every((c) => c.length <= 800));
    const r = selectRelevantChunks('y'.repeat(3_000_000), 'y', { budgetChars: 2000 });
    assert.ok(r.text.length <= 2000);
  });
});
