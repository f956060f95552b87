import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { HARM_CUES, HARM_MITIGATIONS, prefilterPattern } from '../../../src/guard/detectors/harm/harm-lexicon.js';
import { FRAMING_CUES } from '../../../src/guard/detectors/injection/framing-cues.js';
import { DOCUMENT_RULES, SHARED_RULES } from '../../../src/guard/detectors/injection/injection-rules.js';
import { USER_RULES } from '../../../src/guard/detectors/injection/user-rules.js';
import { preparedView } from '../../../src/guard/detectors/injection/text-prep.js';
import { PatternPrefilter, patternStarts, stickyCopy, testAt } from '../../../src/guard/detectors/regexp-prefilter.js';

const lexicon = [...HARM_CUES, ...HARM_MITIGATIONS];

// The offline model's help text: what the output guard reads on most turns.
const helpText = `Hi! I'm the Secure Teams Agent, running on its offline demo model. I can:
- search your files ("what files do I have about the budget?")
- summarise a file ("summarise the budget file")
- send a mail ("send a mail to adele@contoso.com about lunch saying see you at noon")
- schedule a meeting ("schedule a meeting with adele@contoso.com tomorrow at 10 about the budget")
Actions that change or share data go through a policy check and may need approval.`;

describe('regexp prefilter', () => {
  it('reads the starts of a word pattern, long at word starts', () => {
    const keys = patternStarts(/\b(?:kill\w{0,3}|murder) (?:him|her)\b/)!.map((s) => `${s.atWordStart ? 'w' : 'a'}:${s.key}`);
    assert.deepEqual(keys.sort(), ['w:kill', 'w:kill her', 'w:kill him', 'w:murder h'].sort());
  });

  it('runs a pattern whose start it cannot read', () => {
    const filter = new PatternPrefilter([/(?:[^ ]+ ){0,2}bomb/, /\bzebra crossing/, /(?<=x)y/]);
    assert.deepEqual(filter.candidates('nothing here'), [true, false, true]);
  });

  it('never skips a harm or injection pattern that matches (every row of the proxy set and the hand-written harm rows)', () => {
    const patterns: Array<{ id: string; pattern: RegExp }> = [...lexicon, ...SHARED_RULES, ...DOCUMENT_RULES, ...USER_RULES, ...FRAMING_CUES];
    // Harm entries with an anchor are filtered on it: sound only if every match of the pattern contains it.
    const filter = new PatternPrefilter([...lexicon.map(prefilterPattern), ...[...SHARED_RULES, ...DOCUMENT_RULES, ...USER_RULES, ...FRAMING_CUES].map((entry) => entry.pattern)]);
    const read = (rel: string) => readFileSync(new URL(rel, import.meta.url), 'utf8').split('\n').filter(Boolean);
    const rows = [...read('../../../bench/detectors/proxy-heldout.jsonl'), ...['harm', 'harm-2', 'harm-3', 'harm-4', 'user-only'].flatMap((f) => read(`../../../scripts/train/corpus/handwritten/${f}.jsonl`))];
    let matches = 0;
    for (const line of rows) {
      const { flat } = preparedView((JSON.parse(line) as { text: string }).text);
      const candidates = filter.candidates(flat);
      patterns.forEach((entry, i) => {
        if (!entry.pattern.test(flat)) return;
        matches++;
        assert.ok(candidates[i], `${entry.id} matches but was skipped`);
      });
    }
    assert.ok(matches > 100, `only ${matches} matches: the check would prove little`);
  });

  it('reads the starts of a pattern behind a look-behind (it constrains what comes before, not the match)', () => {
    const keys = patternStarts(/\b(?<!(?:not|never) )(?:kill|hurt) him\b/)!.map((s) => s.key);
    assert.deepEqual(keys.sort(), ['hurt him', 'kill him'].sort());
    const filter = new PatternPrefilter([/(?<!not )kill him/]);
    const { starts } = filter.scan('i will not kill him, or kill him?');
    assert.deepEqual(starts[0], [11, 24]);
    assert.equal(testAt(stickyCopy(/(?<!not )kill him/), 'i will not kill him, or kill him?', starts[0]!), true);
    assert.equal(testAt(stickyCopy(/(?<!not )kill him/), 'i will not kill him', filter.scan('i will not kill him').starts[0]!), false);
  });

  it('tries a pattern only where it can start, with the same answer as a scan of the whole text', () => {
    const patterns: RegExp[] = [...lexicon.map((entry) => entry.pattern), ...[...SHARED_RULES, ...DOCUMENT_RULES, ...USER_RULES, ...FRAMING_CUES].map((entry) => entry.pattern)];
    const filter = new PatternPrefilter(patterns);
    const sticky = patterns.map(stickyCopy);
    const read = (rel: string) => readFileSync(new URL(rel, import.meta.url), 'utf8').split('\n').filter(Boolean);
    const rows = [...read('../../../bench/detectors/proxy-heldout.jsonl'), ...read('../../../bench/detectors/proxy-harm-4.jsonl'), ...['harm', 'harm-2', 'user-only'].flatMap((f) => read(`../../../scripts/train/corpus/handwritten/${f}.jsonl`))];
    let matches = 0;
    let positional = 0;
    for (const line of rows) {
      const { flat } = preparedView((JSON.parse(line) as { text: string }).text);
      const { candidates, starts } = filter.scan(flat);
      patterns.forEach((pattern, i) => {
        const whole = pattern.test(flat);
        const at = starts[i];
        if (at !== undefined) positional++;
        const fast = candidates[i]! && (at === undefined ? pattern.test(flat) : testAt(sticky[i]!, flat, at));
        assert.equal(fast, whole, `${pattern.source.slice(0, 60)} on ${flat.slice(0, 60)}`);
        if (whole) matches++;
      });
    }
    assert.ok(matches > 100 && positional > matches, `${matches} matches, ${positional} positional checks: the check would prove little`);
  });

  it('scans a text that differs from the last one in a few places exactly as from scratch', () => {
    const patterns: RegExp[] = [...lexicon.map(prefilterPattern), ...lexicon.map((entry) => entry.pattern), ...[...SHARED_RULES, ...DOCUMENT_RULES, ...USER_RULES, ...FRAMING_CUES].map((entry) => entry.pattern)];
    const reused = new PatternPrefilter(patterns);
    // A scan after the empty text is always one from scratch (no earlier text of the same length).
    const scratch = new PatternPrefilter(patterns);
    const fromScratch = (text: string) => (scratch.scan(''), scratch.scan(text));
    const read = (rel: string) => readFileSync(new URL(rel, import.meta.url), 'utf8').split('\n').filter(Boolean);
    const rows = [...read('../../../bench/detectors/proxy-heldout.jsonl'), ...read('../../../scripts/train/corpus/handwritten/harm.jsonl')].map((line) => preparedView((JSON.parse(line) as { text: string }).text).flat);
    // Deterministic edits: one to twenty characters changed (dashes, spaces, letters), at the ends too.
    let seed = 7;
    const random = (below: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) % below);
    const replacements = ['-', '\u2014', ' ', 'a', 'k', '.', "'", 'x'];
    let compared = 0;
    let changedStarts = 0;
    for (const text of rows.slice(0, 400)) {
      if (text.length < 2) continue;
      const units = [...text];
      if (units.length !== text.length) continue;
      const edits = 1 + random(20);
      for (let e = 0; e < edits; e++) units[e === 0 ? (random(2) ? 0 : units.length - 1) : random(units.length)] = replacements[random(replacements.length)]!;
      const edited = units.join('');
      reused.scan(text);
      const incremental = reused.scan(edited);
      const whole = fromScratch(edited);
      assert.deepEqual(incremental, whole, `${edits} edits of ${text.slice(0, 60)}`);
      if (JSON.stringify(fromScratch(text).starts) !== JSON.stringify(whole.starts)) changedStarts++;
      compared++;
    }
    assert.ok(compared > 200 && changedStarts > 50, `${compared} texts, ${changedStarts} with other starts: the check would prove little`);
  });

  it('skips most of the harm lexicon on an everyday answer', () => {
    const filter = new PatternPrefilter(lexicon.map(prefilterPattern));
    const run = filter.candidates(preparedView(helpText).flat).filter(Boolean).length;
    assert.ok(run <= lexicon.length / 4, `${run} of ${lexicon.length} patterns still run`);
  });
});
