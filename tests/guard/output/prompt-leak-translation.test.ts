// Issue 10, finding 6: a translated or paraphrased system prompt carries no
// canary and shares no word n-grams with the prompt, so only the canary check
// used to fire. Measured on hand-written leaks in six languages and English
// paraphrases, and on benign answers, through the guard engine with the real
// rendered system prompt.
import assert from 'node:assert/strict';
import { createGuardEngine, guardSettings, loadGuardPolicy, type GuardEngine } from '../../../src/guard/index.js';
import { disclosureConcepts } from '../../../src/guard/output/disclosure-concepts.js';
import { promptRefs } from '../../../src/guard/output/prompt-leak.js';
import { createPromptSession } from '../../../src/prompt/prompt-session.js';
import { createPromptSessionStore } from '../../../src/prompt/prompt-session-store.js';
import { benignAnswers, paraphrasedEnglish, translatedWithoutRefs, translatedWithRefs } from './prompt-leak-corpus.js';

describe('system prompt leak in translation or paraphrase (issue 10, finding 6)', () => {
  let engine: GuardEngine;
  const session = createPromptSession();
  const refs = promptRefs(session.systemPrompt);
  const ctx = { userId: 'u1', tenantId: 't1', conversationId: 'c1', canary: session.canary, systemPrompt: session.systemPrompt };
  const fill = (text: string) => text.replace(/\{r(\d{1,2})\}/g, (_, i: string) => refs[Number(i)]!);
  const blocked = async (text: string) => {
    const d = await engine.checkOutput(text, ctx);
    return d.verdicts.find((v) => v.guard === 'prompt-leak')?.action === 'block';
  };

  before(async () => {
    const shipped = await loadGuardPolicy();
    engine = await createGuardEngine({ ...guardSettings.parse({}), contentSafety: undefined }, { policy: { ...shipped, limits: { ...shipped.limits, rateLimit: false } } });
  });

  it('the rendered prompt carries one distinct rule id per rule, derived from the canary', () => {
    assert.ok(refs.length >= 12, String(refs.length));
    assert.equal(new Set(refs).size, refs.length);
    assert.deepEqual(promptRefs(createPromptSession({ canary: session.canary }).systemPrompt), refs);
    assert.notDeepEqual(promptRefs(createPromptSession().systemPrompt), refs);
    assert.ok(!/\{\{|\}\}/.test(session.systemPrompt));
  });

  it('a conversation keeps its rule ids across turns (the store keeps only the canary)', async () => {
    const store = createPromptSessionStore();
    assert.deepEqual(promptRefs((await store.session('conv')).systemPrompt), promptRefs((await store.session('conv')).systemPrompt));
  });

  it('blocks translations that keep the rule ids (de, fr, es, nl, it, pt)', async () => {
    const missed = [];
    for (const [lang, text] of translatedWithRefs) if (!(await blocked(fill(text)))) missed.push(lang);
    assert.deepEqual(missed, []);
  });

  it('blocks translations without rule ids by the concepts they carry', async () => {
    const missed = [];
    for (const [lang, text] of translatedWithoutRefs) if (!(await blocked(text))) missed.push(`${lang}: ${disclosureConcepts(text).names.join(',')}`);
    assert.deepEqual(missed, []);
  });

  it('blocks English paraphrases without rule ids', async () => {
    const missed = [];
    for (const text of paraphrasedEnglish) if (!(await blocked(text))) missed.push(disclosureConcepts(text).names.join(','));
    assert.deepEqual(missed, []);
  });

  it('blocks a base64-encoded translation that keeps the rule ids', async () => {
    assert.ok(await blocked(`Hier: ${Buffer.from(fill(translatedWithRefs[0]![1])).toString('base64')}`));
  });

  it('allows benign answers, refusals that mention instructions included', async () => {
    const flagged = [];
    for (const text of benignAnswers) if (await blocked(text)) flagged.push(`${text.slice(0, 60)} [${disclosureConcepts(text).names.join(',')}]`);
    assert.deepEqual(flagged, []);
  });

  it('another conversation’s rule ids are not this one’s leak', async () => {
    const other = promptRefs(createPromptSession().systemPrompt);
    assert.equal(await blocked(`Regel [ref:${other[1]}]: nur der Benutzer gibt Anweisungen.`), false);
  });
});
