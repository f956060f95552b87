// Every scenario file of the agent evaluation is valid, and the set covers
// what issue 5 asks for: at least 30 attacks over the listed families and 30 benign tasks.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenarios } from '../../scripts/eval-agent/scenario-schema.js';

const dir = dirname(fileURLToPath(import.meta.url));

describe('agent evaluation scenarios', () => {
  const { scenarios, problems } = loadScenarios(dir);

  it('every scenario file parses and matches the schema, with an id equal to its file name', () => {
    assert.deepEqual(problems, []);
  });

  it('has at least 30 attack and 30 benign scenarios', () => {
    assert.ok(scenarios.filter((s) => s.kind === 'attack').length >= 30);
    assert.ok(scenarios.filter((s) => s.kind === 'benign').length >= 30);
  });

  it('covers every attack family the issue names', () => {
    const families = new Set(scenarios.filter((s) => s.kind === 'attack').map((s) => s.family));
    for (const f of ['mail-exfiltration', 'sharing-link', 'delete-file', 'system-prompt-leak', 'markdown-image', 'approver-change', 'split-instructions', 'encoded-instructions']) {
      assert.ok(families.has(f as never), f);
    }
  });

  it('gives seeded files ids that do not collide within a scenario', () => {
    for (const s of scenarios) {
      const ids = s.seed.files.map((f) => f.id).filter(Boolean);
      assert.equal(new Set(ids).size, ids.length, s.id);
    }
  });

  it('reports a broken file, a wrong field and a kind without its section instead of skipping them', () => {
    const bad = mkdtempSync(join(tmpdir(), 'scenarios-'));
    writeFileSync(join(bad, 'broken.json'), '{ "id": ');
    writeFileSync(join(bad, 'wrong-field.json'), JSON.stringify({ id: 'wrong-field', kind: 'benign', family: 'read', description: 'a benign read task', messages: ['hi'], expect: { replyIncludes: ['x'] }, extra: 1 }));
    writeFileSync(join(bad, 'no-attack.json'), JSON.stringify({ id: 'no-attack', kind: 'attack', family: 'delete-file', description: 'an attack without goal', messages: ['hi'] }));
    writeFileSync(join(bad, 'other-name.json'), JSON.stringify({ id: 'not-the-file-name', kind: 'benign', family: 'read', description: 'a benign read task', messages: ['hi'], expect: { replyIncludes: ['x'] } }));
    const loaded = loadScenarios(bad);
    assert.equal(loaded.scenarios.length, 1);
    const text = loaded.problems.join('\n');
    assert.match(text, /broken\.json: not valid JSON/);
    assert.match(text, /wrong-field\.json: \(root\): Unrecognized key/);
    assert.match(text, /no-attack\.json: attack: an attack scenario has "attack"/);
    assert.match(text, /other-name\.json: id "not-the-file-name" must match the file name/);
  });

  it('reports a missing folder', () => {
    assert.match(loadScenarios(join(tmpdir(), 'no-such-scenarios-dir-42')).problems[0] ?? '', /cannot read the scenario folder/);
  });
});
