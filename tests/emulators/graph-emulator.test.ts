// The Graph emulator enforces what Graph enforces (token, audience, expiry,
// scopes, per-user access) and records the side effects of write calls.
import assert from 'node:assert/strict';
import { startEntraEmulator, type EntraEmulator } from '../../emulators/entra/entra-emulator.js';
import { demoTenantId, otherTenantId } from '../../emulators/entra/seed.js';
import { fileIds, siteIds } from '../../emulators/graph/graph-seed.js';
import { startGraphEmulator, type GraphEmulator } from '../../emulators/graph/graph-emulator.js';

const oid = (n: number) => `a1000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;
const megan = oid(1);
const miriam = oid(3);

describe('Graph emulator', () => {
  let entra: EntraEmulator;
  let graph: GraphEmulator;
  beforeEach(async () => {
    entra = await startEntraEmulator();
    graph = await startGraphEmulator({ entra });
  });
  afterEach(async () => {
    await graph.close();
    await entra.close();
  });

  const token = (user: string, scp: string, extra: Record<string, unknown> = {}, opts = {}) => entra.mintToken({ aud: 'https://graph.microsoft.com', tid: demoTenantId, oid: user, scp, ...extra }, opts);
  const call = async (path: string, auth: string | undefined, init: { method?: string; body?: unknown } = {}) => {
    const res = await fetch(`${graph.url}/v1.0${path}`, {
      method: init.method ?? 'GET',
      headers: { ...(auth ? { authorization: `Bearer ${auth}` } : {}), 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await res.text();
    let body: any;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    return { status: res.status, body, headers: res.headers };
  };

  it('answers 401 InvalidAuthenticationToken for a missing, expired, foreign-audience, badly signed or other-tenant token', async () => {
    const cases = [
      undefined,
      await token(megan, 'User.Read', {}, { expiresInSec: -600 }),
      await token(megan, 'User.Read', { aud: 'api://someone' }),
      await token(megan, 'User.Read', {}, { signWith: 'rogue' }),
      await entra.mintToken({ aud: 'https://graph.microsoft.com', tid: otherTenantId, oid: 'f1000000-0000-4000-8000-000000000001', scp: 'User.Read' }),
    ];
    for (const [i, t] of cases.entries()) {
      const r = await call('/me', t);
      assert.equal(r.status, 401, `case ${i}`);
      assert.equal(r.body.error.code, 'InvalidAuthenticationToken');
      assert.ok(r.body.error.innerError['request-id']);
    }
  });

  it('answers 403 accessDenied when the token lacks a needed scope, and for app-only tokens', async () => {
    const r = await call('/sites/' + siteIds.communications + '/pages', await token(megan, 'User.Read'));
    assert.equal(r.status, 403);
    assert.equal(r.body.error.code, 'accessDenied');
    // Files.Read reaches only the user's own OneDrive.
    const shared = await call(`/drives/b!personal-alex/items/${fileIds.alexEventPlanShared}`, await token(megan, 'Files.Read'));
    assert.equal(shared.status, 403);
    const own = await call(`/drives/b!personal-megan/items/${fileIds.meganBudgetDraft}`, await token(megan, 'Files.Read'));
    assert.equal(own.status, 200);
    const appOnly = await call(`/drives/b!personal-megan/items/${fileIds.meganBudgetDraft}`, await entra.mintToken({ aud: 'https://graph.microsoft.com', tid: demoTenantId, oid: 'app', idtyp: 'app', roles: [] }));
    assert.equal(appOnly.status, 403);
  });

  it("enforces per-user access to files and sites", async () => {
    const t = await token(megan, 'Files.Read.All Sites.Read.All');
    assert.equal((await call(`/drives/b!personal-alex/items/${fileIds.alexSalaryReview}`, t)).status, 403);
    assert.equal((await call(`/drives/b!personal-alex/items/${fileIds.alexSalaryReview}/content`, t)).status, 403);
    assert.equal((await call(`/drives/b!personal-alex/items/${fileIds.alexEventPlanShared}`, t)).status, 200);
    assert.equal((await call(`/sites/${siteIds.finance}/pages`, t)).status, 403);
    assert.equal((await call(`/sites/${siteIds.communications}/pages`, t)).status, 200);
    const miriamToken = await token(miriam, 'Sites.Read.All');
    assert.equal((await call(`/sites/${siteIds.finance}/lists/Budget approvals/items?expand=fields`, miriamToken)).body.value.length, 2);
    const search = await call('/search/query', t, { method: 'POST', body: { requests: [{ entityTypes: ['driveItem'], query: { queryString: 'salary' } }] } });
    assert.equal(search.body.value[0].hitsContainers[0].total, 0);
  });

  it('serves people: me, manager, group members', async () => {
    const t = await token(megan, 'User.Read GroupMember.Read.All');
    assert.equal((await call('/me', t)).body.displayName, 'Megan Bowen');
    assert.equal((await call('/me/manager', t)).body.displayName, 'Miriam Graham');
    const members = await call('/groups/agent-approvers/members', t);
    assert.deepEqual(members.body.value.map((u: { displayName: string }) => u.displayName), ['Miriam Graham', 'Patti Fernandez']);
    assert.equal((await call('/me/manager', await token(oid(4), 'User.Read'))).status, 404);
  });

  it('lets a client find or repeat its own write: a mail by its extended property in Sent Items, an event by transactionId, the same sharing link', async () => {
    const t = await token(megan, 'Mail.Send Mail.ReadBasic Files.ReadWrite Calendars.ReadWrite');
    const prop = 'String {5d3c8f0e-2a61-4b7e-9c4d-8e1f6a2b7c30} Name Key';
    const message = { subject: 'Keyed', body: { contentType: 'Text', content: 'Hi' }, toRecipients: [{ emailAddress: { address: 'miriam@contoso.example' } }], singleValueExtendedProperties: [{ id: prop, value: 'k-1' }] };
    assert.equal((await call('/me/sendMail', t, { method: 'POST', body: { message } })).status, 202);
    const find = (value: string) => call(`/me/mailFolders/sentitems/messages?$filter=${encodeURIComponent(`singleValueExtendedProperties/Any(ep: ep/id eq '${prop}' and ep/value eq '${value}')`)}&$select=id`, t);
    assert.equal((await find('k-1')).body.value.length, 1);
    assert.equal((await find('k-2')).body.value.length, 0);
    assert.equal((await call('/me/mailFolders/sentitems/messages', await token(megan, 'Mail.Send'))).status, 403, 'reading Sent Items needs a mail read scope');

    const event = { subject: 'Once', transactionId: 'tx-1', start: { dateTime: '2026-12-01T10:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-12-01T11:00:00', timeZone: 'UTC' } };
    const first = await call('/me/events', t, { method: 'POST', body: event });
    const again = await call('/me/events', t, { method: 'POST', body: event });
    assert.equal(again.body.id, first.body.id);
    assert.equal(graph.effects().events.length, 1);

    const linkOf = () => call(`/drives/b!personal-megan/items/${fileIds.meganBudgetDraft}/createLink`, t, { method: 'POST', body: { type: 'view', scope: 'organization' } });
    const link = await linkOf();
    const same = await linkOf();
    assert.deepEqual([link.status, same.status], [201, 200]);
    assert.equal(same.body.link.webUrl, link.body.link.webUrl);
    assert.equal(graph.effects().links.length, 1);
  });

  it('hangs on request, before or after the request took effect (a dropped connection)', async () => {
    const t = await token(megan, 'Files.ReadWrite');
    graph.fault({ method: 'DELETE', hang: 'after' });
    await assert.rejects(fetch(`${graph.url}/v1.0/drives/b!personal-megan/items/${fileIds.meganCampaignIdeas}`, { method: 'DELETE', headers: { authorization: `Bearer ${t}` }, signal: AbortSignal.timeout(500) }));
    assert.equal(graph.effects().deletions.length, 1, 'applied, never answered');
    graph.fault({ method: 'DELETE', hang: 'before' });
    await assert.rejects(fetch(`${graph.url}/v1.0/drives/b!personal-megan/items/${fileIds.meganBudgetDraft}`, { method: 'DELETE', headers: { authorization: `Bearer ${t}` }, signal: AbortSignal.timeout(500) }));
    assert.equal(graph.effects().deletions.length, 1, 'not applied either');
  });

  it('records the side effects of mail, sharing links, events, uploads and deletions', async () => {
    const t = await token(megan, 'Mail.Send Files.ReadWrite Calendars.ReadWrite');
    assert.equal((await call('/me/sendMail', t, { method: 'POST', body: { message: { subject: 'Budget', body: { contentType: 'Text', content: 'Hi' }, toRecipients: [{ emailAddress: { address: 'miriam@contoso.example' } }] } } })).status, 202);
    assert.equal((await call('/me/sendMail', t, { method: 'POST', body: { message: { subject: 'x', toRecipients: [] } } })).body.error.code, 'ErrorInvalidRecipients');
    const link = await call(`/drives/b!personal-megan/items/${fileIds.meganBudgetDraft}/createLink`, t, { method: 'POST', body: { type: 'view', scope: 'organization' } });
    assert.equal(link.status, 201);
    assert.equal(link.body.link.scope, 'organization');
    assert.equal((await call('/me/events', t, { method: 'POST', body: { subject: 'Budget review', start: { dateTime: '2026-12-01T10:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-12-01T11:00:00', timeZone: 'UTC' } } })).status, 201);
    const put = await fetch(`${graph.url}/v1.0/drives/b!personal-megan/items/${fileIds.meganCampaignIdeas}/content`, { method: 'PUT', headers: { authorization: `Bearer ${t}`, 'content-type': 'text/plain' }, body: 'new ideas' });
    assert.equal(put.status, 200);
    assert.equal((await call(`/drives/b!personal-megan/items/${fileIds.meganCampaignIdeas}`, t, { method: 'DELETE' })).status, 204);
    // Not allowed: deleting someone else's file, even with the write scope.
    assert.equal((await call(`/drives/b!personal-alex/items/${fileIds.alexEventPlanShared}`, await token(megan, 'Files.ReadWrite.All'), { method: 'DELETE' })).status, 403);
    const effects = graph.effects();
    assert.equal(effects.sentMail.length, 1);
    assert.equal(effects.links[0]!.itemId, fileIds.meganBudgetDraft);
    assert.equal(effects.events.length, 1);
    assert.equal(effects.updates[0]!.change, 'content');
    assert.deepEqual(effects.deletions.map((d) => d.itemId), [fileIds.meganCampaignIdeas]);
    const overHttp = (await (await fetch(`${graph.url}/_emulator/effects`)).json()) as { sentMail: unknown[] };
    assert.equal(overHttp.sentMail.length, 1);
    assert.equal((await fetch(`${graph.url}/_emulator/effects`, { method: 'DELETE' })).status, 204);
    assert.deepEqual(graph.effects(), { sentMail: [], links: [], deletions: [], events: [], updates: [], channelMessages: [] });
  });

  it('seeds scenario data over HTTP and injects faults with Retry-After', async () => {
    const seeded = await fetch(`${graph.url}/_emulator/seed`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ files: [{ name: 'Injected.txt', location: { personalOf: 'megan@contoso.example' }, text: 'zebra budget' }] }) });
    assert.equal(seeded.status, 201);
    const [id] = ((await seeded.json()) as { files: string[] }).files;
    const t = await token(megan, 'Files.Read.All');
    const found = await call('/search/query', t, { method: 'POST', body: { requests: [{ entityTypes: ['driveItem'], query: { queryString: 'zebra' } }] } });
    assert.equal(found.body.value[0].hitsContainers[0].hits[0].hitId, id);
    await fetch(`${graph.url}/_emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 429, retryAfterSec: 7, pathPrefix: '/me' }) });
    const throttled = await call('/me', t);
    assert.equal(throttled.status, 429);
    assert.equal(throttled.headers.get('retry-after'), '7');
    assert.equal(throttled.body.error.code, 'TooManyRequests');
    assert.equal((await call('/me', await token(megan, 'User.Read'))).status, 200);
    const badSeed = await fetch(`${graph.url}/_emulator/seed`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ files: [{ name: 'x', location: { personalOf: 'nobody@x' } }] }) });
    assert.equal(badSeed.status, 400);
  });

  it('answers a claims challenge (conditional access) under an authentication-context policy until the token carries the context', async () => {
    const admin = (method: string, body?: unknown) => fetch(`${graph.url}/_emulator/claims-challenges`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    assert.equal((await admin('POST', { authContext: 'not valid!' })).status, 400);
    assert.equal((await admin('POST', { user: 'megan@contoso.example', pathPrefix: '/me', authContext: 'c1' })).status, 201);

    const challenged = await call('/me', await token(megan, 'User.Read'));
    assert.equal(challenged.status, 401);
    assert.equal(challenged.body.error.code, 'InvalidAuthenticationToken');
    const header = challenged.headers.get('www-authenticate') ?? '';
    assert.match(header, /^Bearer realm="", authorization_uri="https:\/\/login\.microsoftonline\.com\/common\/oauth2\/authorize", client_id="00000003-0000-0000-c000-000000000000", error="insufficient_claims", claims="[A-Za-z0-9+/]+=*"$/);
    const claims = /claims="([^"]+)"/.exec(header)![1]!;
    assert.deepEqual(JSON.parse(Buffer.from(claims, 'base64').toString()), { access_token: { acrs: { essential: true, value: 'c1' } } });

    assert.equal((await call('/me', await token(megan, 'User.Read', { acrs: ['c1'] }))).status, 200);
    assert.equal((await call('/me', await token(miriam, 'User.Read'))).status, 200, 'another user is not under the policy');
    assert.equal((await admin('DELETE')).status, 204);
    assert.equal((await call('/me', await token(megan, 'User.Read'))).status, 200);
  });

  it('answers malformed requests with Graph errors, not crashes', async () => {
    const t = await token(megan, 'Files.Read.All Mail.Send');
    const badJson = await fetch(`${graph.url}/v1.0/search/query`, { method: 'POST', headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' }, body: '{"requests": [' });
    assert.equal(badJson.status, 400);
    assert.equal((await call('/search/query', t, { method: 'POST', body: { requests: [{ entityTypes: ['message'], query: { queryString: 'x' } }] } })).status, 400);
    assert.equal((await call('/nope', t)).status, 400);
    assert.equal((await call('/drives/x/items/y', t)).status, 404);
  });
});
