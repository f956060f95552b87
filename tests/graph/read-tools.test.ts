// The read tools act only as the signed-in user: real SSO token → OBO at the
// Entra emulator → Graph emulator, which enforces per-user access.
import assert from 'node:assert/strict';
import { fileIds, siteIds } from '../../emulators/graph/graph-seed.js';
import { DataZonePolicy } from '../../src/graph/data-zones.js';
import type { ToolResult } from '../../src/tools/tool.js';
import { createReadTools } from '../../src/tools/read/create-read-tools.js';
import { MemoryStateStore } from '../../src/state/memory-state-store.js';
import { captureLogs, startIdentityHarness, users, type IdentityHarness } from '../identity/identity-harness.js';

const alexPrivate = [fileIds.alexSalaryReview, fileIds.alexBudgetScratchpad];
const alexPrivateWords = ['Salary review', 'salary', '68,000', 'scratchpad', 'savings plan'];

describe('read tools (user-scoped Graph through SSO + OBO)', () => {
  let h: IdentityHarness;
  beforeEach(async () => {
    h = await startIdentityHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const run = async (upn: string, tool: string, args: Record<string, unknown> = {}): Promise<ToolResult> => h.tool(tool).run(args, h.context(await h.signIn(upn)));

  it('who_am_i tells the signed-in user who they are and who their manager is', async () => {
    const result = await run(users.megan, 'who_am_i');
    assert.match(result.content, /Name: Megan Bowen/);
    assert.match(result.content, /Manager: Miriam Graham/);
    assert.equal(result.untrusted, true);
    assert.equal(result.zone, 'internal');
  });

  it("search_files finds the user's own, shared and site files about the budget, and nothing private of others", async () => {
    const result = await run(users.megan, 'search_files', { query: 'budget' });
    for (const id of [fileIds.meganBudgetDraft, fileIds.meganBudgetReviewPdf, fileIds.alexEventPlanShared, fileIds.commsBudgetOverview]) assert.ok(result.content.includes(id), `finds ${id}`);
    for (const id of [...alexPrivate, fileIds.financeBudget, fileIds.financeBoardMemo, fileIds.miriamAllocations]) assert.ok(!result.content.includes(id), `does not reveal ${id}`);
    assert.equal(result.untrusted, true);
    assert.equal(result.zone, 'internal');
  });

  it('read_file returns the text of Word, PDF, PowerPoint and shared files by their id', async () => {
    const actor = await h.signIn(users.megan);
    const ctx = h.context(actor);
    await h.tool('search_files').run({ query: 'budget' }, ctx);
    const docx = await h.tool('read_file').run({ fileId: fileIds.meganBudgetDraft }, ctx);
    assert.match(docx.content, /Total requested: 1\.2 million USD/);
    assert.equal(docx.untrusted, true);
    const pdf = await h.tool('read_file').run({ fileId: fileIds.meganBudgetReviewPdf }, ctx);
    assert.match(pdf.content, /Spent 310k of a 400k quarterly budget/);
    const pptx = await h.tool('read_file').run({ fileId: fileIds.commsBudgetOverview }, ctx);
    assert.match(pptx.content, /We invest in the drone launch/);
    assert.equal(pptx.zone, 'internal');
    const shared = await h.tool('read_file').run({ fileId: fileIds.alexEventPlanShared }, ctx);
    assert.match(shared.content, /Catering budget: 18k/);
  });

  it('read_file finds a bare id that search_files saw on another instance (item locations in the shared store)', async () => {
    const state = new MemoryStateStore();
    const instance = () => createReadTools({ graphBaseUrl: `${h.graph.url}/v1.0`, zones: DataZonePolicy.load('policy/data-zones.json'), maxFileBytes: 1024 * 1024, maxTextChars: 20_000, state });
    const [a, b] = [instance(), instance()];
    const ctx = h.context(await h.signIn(users.megan));
    await a.find((t) => t.name === 'search_files')!.run({ query: 'budget' }, ctx);
    const read = await b.find((t) => t.name === 'read_file')!.run({ fileId: fileIds.commsBudgetOverview }, ctx);
    assert.match(read.content, /We invest in the drone launch/);
    // Another user does not inherit Megan's locations.
    const alex = h.context(await h.signIn(users.alex));
    const other = await b.find((t) => t.name === 'read_file')!.run({ fileId: fileIds.commsBudgetOverview }, alex);
    assert.doesNotMatch(other.content, /We invest in the drone launch/);
  });

  it('read_file opens a site library file by id with the driveId search_files gave, where nothing was remembered', async () => {
    const ctx = h.context(await h.signIn(users.megan));
    const search = await h.tool('search_files').run({ query: 'budget' }, ctx);
    const line = search.content.split('\n').find((l) => l.includes(fileIds.commsBudgetOverview)) ?? '';
    const driveId = /driveId: ([^;\s]+)/.exec(line)?.[1];
    assert.ok(driveId, `the search result names the drive: ${line}`);
    // Another instance whose item memory is empty (a store outage, an expired record, a history replayed later).
    const fresh = createReadTools({ graphBaseUrl: `${h.graph.url}/v1.0`, zones: DataZonePolicy.load('policy/data-zones.json'), maxFileBytes: 1024 * 1024, maxTextChars: 20_000, state: new MemoryStateStore() });
    const readFile = fresh.find((t) => t.name === 'read_file')!;
    const bare = await readFile.run({ fileId: fileIds.commsBudgetOverview }, ctx);
    assert.match(bare.content, /needs its driveId/);
    const read = await readFile.run({ fileId: fileIds.commsBudgetOverview, driveId }, ctx);
    assert.match(read.content, /We invest in the drone launch/);
    assert.equal(read.sources?.[0]?.webUrl, search.sources?.find((s) => s.id === fileIds.commsBudgetOverview)?.webUrl);
  });

  it("no tool and no phrasing lets user A reach user B's private files", async () => {
    const actor = await h.signIn(users.megan);
    const ctx = h.context(actor);
    const outputs: ToolResult[] = [];
    for (const query of ['salary', 'Salary review 2026 (private).docx', 'private', 'Alex', 'budget scratchpad', 'savings', '*', 'filename:Salary']) outputs.push(await h.tool('search_files').run({ query }, ctx));
    for (const fileId of alexPrivate) {
      outputs.push(await h.tool('read_file').run({ fileId }, ctx));
      outputs.push(await h.tool('read_file').run({ fileId, driveId: 'b!personal-alex' }, ctx));
      outputs.push(await h.tool('read_file').run({ fileId: `${fileId}/content` }, ctx));
    }
    outputs.push(await h.tool('list_recent_files').run({}, ctx));
    for (const site of ['Finance', siteIds.finance, 'alex', '*']) {
      outputs.push(await h.tool('list_site_pages').run({ site }, ctx));
      outputs.push(await h.tool('list_list_items').run({ site, list: 'Budget approvals' }, ctx));
    }
    const everything = outputs.map((o) => `${o.content}\n${JSON.stringify(o.data ?? null)}`).join('\n');
    for (const secret of [...alexPrivate, ...alexPrivateWords, fileIds.financeBudget, 'Budget process 2026', 'Marketing FY2026']) assert.ok(!everything.includes(secret), `leaked: ${secret}`);
    const denied = await h.tool('read_file').run({ fileId: fileIds.alexSalaryReview, driveId: 'b!personal-alex' }, ctx);
    assert.match(denied.content, /do not have access/);
    assert.equal((denied.data as { error: string }).error, 'graph_access-denied');
  });

  it('a member of a confidential site finds its files, tagged confidential', async () => {
    const result = await run(users.miriam, 'search_files', { query: 'budget' });
    assert.ok(result.content.includes(fileIds.financeBudget));
    assert.equal(result.zone, 'confidential');
    const pages = await run(users.miriam, 'list_site_pages', { site: 'Finance' });
    assert.match(pages.content, /Budget process 2026/);
    assert.equal(pages.zone, 'confidential');
  });

  it('SharePoint pages and list items of a site the user is a member of', async () => {
    const pages = await run(users.megan, 'list_site_pages', { site: 'Company Communications' });
    assert.match(pages.content, /Q3 all-hands recap/);
    assert.match(pages.content, /Revenue grew 12%/);
    const items = await run(users.megan, 'list_list_items', { site: 'Company Communications', list: 'Announcements' });
    assert.match(items.content, /New travel policy/);
    assert.equal(items.zone, 'internal');
    const recent = await run(users.megan, 'list_recent_files');
    assert.ok(recent.content.includes(fileIds.meganBudgetDraft));
  });

  it('each tool asks for only the scopes it needs', async () => {
    const expected: Record<string, string[]> = { who_am_i: ['User.Read'], search_files: ['Files.Read.All'], read_file: ['Files.Read.All'], list_recent_files: ['Files.Read'], list_site_pages: ['Sites.Read.All'], list_list_items: ['Sites.Read.All'] };
    for (const tool of h.tools) assert.deepEqual(tool.scopes, expected[tool.name], tool.name);
    const args: Record<string, Record<string, unknown>> = { search_files: { query: 'budget' }, read_file: { fileId: fileIds.meganBudgetDraft }, list_site_pages: { site: 'Company Communications' }, list_list_items: { site: 'Company Communications', list: 'Announcements' } };
    for (const tool of h.tools) {
      const before = h.graph.requests().length;
      await run(users.megan, tool.name, args[tool.name] ?? {});
      const calls = h.graph.requests().slice(before);
      assert.ok(calls.length > 0);
      for (const call of calls) assert.deepEqual(call.scopes, expected[tool.name]!.map((s) => s.toLowerCase()), `${tool.name} ${call.path}`);
    }
    const requested = new Set(h.entra.tokenRequests().flatMap((r) => r.scopes));
    for (const broad of ['Files.ReadWrite.All', 'Sites.ReadWrite.All', 'Mail.Send', '.default']) assert.ok(!requested.has(broad), `never requests ${broad}`);
  });

  it('drops results from zones the policy does not reach', async () => {
    await h.close();
    const zones = DataZonePolicy.parse({ reach: ['public', 'internal'], defaultSiteZone: 'confidential', personalDriveZone: 'internal', sites: [{ match: siteIds.finance, zone: 'confidential' }, { match: siteIds.communications, zone: 'internal' }] });
    h = await startIdentityHarness({ zones });
    const search = await run(users.miriam, 'search_files', { query: 'budget' });
    assert.ok(!search.content.includes(fileIds.financeBudget));
    assert.match(search.content, /withheld by the data-zone policy/);
    const read = await run(users.miriam, 'read_file', { fileId: fileIds.financeBudget, driveId: 'b!site-finance' });
    assert.match(read.content, /confidential zone/);
    assert.ok(!read.content.includes('4300000'));
    const pages = await run(users.miriam, 'list_site_pages', { site: 'Finance' });
    assert.ok(!pages.content.includes('Budget process 2026'));
  });

  it('retries a Graph 429 after Retry-After and gives up clearly when the wait is too long', async () => {
    h.graph.fault({ status: 429, retryAfterSec: 1, pathPrefix: '/search/query', count: 1 });
    const ok = await run(users.megan, 'search_files', { query: 'budget' });
    assert.ok(ok.content.includes(fileIds.meganBudgetDraft));
    const statuses = h.graph.requests().filter((r) => r.path === '/search/query').map((r) => r.status);
    assert.deepEqual(statuses, [429, 200]);
    h.graph.fault({ status: 429, retryAfterSec: 3600, pathPrefix: '/me', count: 1 });
    const throttled = await run(users.megan, 'who_am_i');
    assert.match(throttled.content, /busy right now/);
    assert.equal((throttled.data as { error: string }).error, 'graph_throttled');
  });

  it('answers with a friendly message when consent is missing or the OBO exchange fails', async () => {
    const actor = await h.signIn(users.lee);
    h.entra.setAdminConsent([]);
    const consent = await h.tool('who_am_i').run({}, h.context(actor));
    assert.match(consent.content, /not allowed the agent to use this permission/);
    assert.equal((consent.data as { error: string }).error, 'consent_required');
    const megan = await h.signIn(users.megan);
    await h.entra.close();
    const failed = await h.tool('search_files').run({ query: 'budget' }, h.context(megan));
    assert.match(failed.content, /Could not get access to Microsoft 365 on your behalf/);
    assert.equal((failed.data as { error: string }).error, 'obo_failed');
    assert.ok((failed.data as { correlationId?: string }).correlationId);
  });

  it('asks for sign-in when the user has no SSO token', async () => {
    const ctx = h.context({ userId: '29:nobody', aadObjectId: '00000000-0000-4000-8000-00000000dead', tenantId: 'c0a7e5d1-4b2f-4e8a-9c3d-5f6a7b8c9d01', roles: [] });
    await assert.rejects(h.tool('who_am_i').run({}, ctx), (err: unknown) => err instanceof Error && err.name === 'SignInRequiredError');
  });

  it('answers bad arguments clearly instead of crashing', async () => {
    const actor = await h.signIn(users.megan);
    for (const [tool, args] of [['search_files', { query: '' }], ['search_files', { query: 'x'.repeat(5000) }], ['read_file', { fileId: '../../etc/passwd' }], ['read_file', { fileId: 42 }], ['list_site_pages', { site: '\u0000\u0001' }], ['list_list_items', { site: 'Company Communications' }]] as const) {
      const result = await h.tool(tool).run(args as Record<string, unknown>, h.context(actor));
      assert.equal(result.untrusted, false, `${tool} ${JSON.stringify(args).slice(0, 40)}`);
      assert.match(result.content, new RegExp(`^${tool}: `));
    }
  });

  it('writes no token or secret into any log line', async () => {
    const sso = await h.entra.mintUserSsoToken(users.megan);
    const { lines } = await captureLogs(async () => {
      const actor = await h.signIn(users.megan);
      h.graph.fault({ status: 429, retryAfterSec: 0, count: 1 });
      await h.tool('search_files').run({ query: 'budget' }, h.context(actor));
      await h.tool('read_file').run({ fileId: fileIds.alexSalaryReview, driveId: 'b!personal-alex' }, h.context(actor));
    });
    assert.ok(lines.length > 0);
    for (const line of lines) {
      assert.ok(!/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/.test(line), `token-like text in log: ${line.slice(0, 100)}`);
      assert.ok(!line.includes(sso.split('.')[2]!));
      assert.ok(!line.includes('emulator-dev-secret'));
    }
  });
});
