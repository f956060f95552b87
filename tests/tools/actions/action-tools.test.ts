// The write tools against the Graph emulator over real HTTPS, with user tokens
// from the Entra emulator. Run under scripts/with-dev-ca.ts (the emulators' CA).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startEntraEmulator, type EntraEmulator } from '../../../emulators/entra/entra-emulator.js';
import { defaultTenants, demoTenantId } from '../../../emulators/entra/seed.js';
import { startGraphEmulator, type GraphEmulator } from '../../../emulators/graph/graph-emulator.js';
import { fileIds } from '../../../emulators/graph/graph-seed.js';
import { ConsentRequiredError, SignInRequiredError } from '../../../src/identity/identity-errors.js';
import { createActionTools } from '../../../src/tools/actions/index.js';
import { createReadTools } from '../../../src/tools/read/create-read-tools.js';
import { DataZonePolicy } from '../../../src/graph/data-zones.js';
import { shippedDataZonesFile } from '../../../src/graph/graph-settings.js';
import { createToolRegistry } from '../../../src/tools/tool-registry.js';
import { DEFAULT_TOOL_POLICY_FILE, parseToolArguments } from '../../../src/tools/tool-policy.js';
import type { ToolContext, ToolDefinition } from '../../../src/tools/tool.js';

const users = defaultTenants()[0]!.users;
const megan = users.find((u) => u.upn.startsWith('megan@'))!;

describe('write tools against the Graph emulator', () => {
  let entra: EntraEmulator;
  let graph: GraphEmulator;
  let tools: Map<string, ToolDefinition>;
  let requestedScopes: string[][];

  before(async () => {
    entra = await startEntraEmulator();
    graph = await startGraphEmulator({ entra });
    tools = new Map(createActionTools({ graphBaseUrl: `${graph.url}/v1.0` }).map((t) => [t.name, t]));
  });
  after(async () => {
    await graph?.close();
    await entra?.close();
  });
  beforeEach(() => {
    requestedScopes = [];
  });

  /** A context whose user token carries exactly the scopes the tool asks for (as OBO would issue). */
  function contextFor(user = megan, grant?: string[]): ToolContext {
    return {
      actor: { userId: user.upn, aadObjectId: user.oid, tenantId: demoTenantId, roles: ['User'] },
      correlationId: 'test',
      getUserToken: async (scopes) => {
        requestedScopes.push(scopes);
        return entra.mintToken({ aud: 'https://graph.microsoft.com', tid: demoTenantId, oid: user.oid, preferred_username: user.upn, scp: (grant ?? scopes).join(' ') });
      },
    };
  }
  const tool = (name: string) => tools.get(name)!;
  const args = (t: ToolDefinition, json: unknown) => {
    const parsed = parseToolArguments(t, JSON.stringify(json));
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
    return parsed.args;
  };

  it('registers the four tools with their risk classes and scopes, matching the policy file', () => {
    const registry = createToolRegistry([...tools.values()]);
    const summary = registry.list().map((t) => [t.name, t.risk, t.scopes.join(' ')]);
    assert.deepEqual(summary, [
      ['send_mail', 'external', 'Mail.Send'],
      ['create_sharing_link', 'external', 'Files.ReadWrite'],
      ['delete_file', 'destructive', 'Files.ReadWrite'],
      ['create_event', 'write', 'Calendars.ReadWrite'],
    ]);
    const policy = JSON.parse(readFileSync(DEFAULT_TOOL_POLICY_FILE, 'utf8')) as { tools: Record<string, { risk: string; arguments?: Record<string, unknown> }> };
    for (const t of registry.list()) {
      assert.equal(policy.tools[t.name]?.risk, t.risk, `${t.name} risk in policy`);
      // Every argument has a declared role (recipients and content on the tool, the rest in the policy),
      // so no argument escapes the provenance rules by accident.
      const declared = [...(t.delivers?.recipients ?? []), ...(t.delivers?.content ?? [])];
      for (const name of Object.keys((t.parameters as { properties: object }).properties)) {
        assert.ok(declared.includes(name) || policy.tools[t.name]?.arguments?.[name], `${t.name}.${name} has a role`);
      }
    }
  });

  it('send_mail sends as the user with a Mail.Send token only', async () => {
    const before = graph.effects().sentMail.length;
    const result = await tool('send_mail').run(args(tool('send_mail'), { to: ['alex@contoso.example'], subject: 'Lunch', body: 'Lunch at noon?' }), contextFor());
    assert.equal(result.content, 'Mail sent to 1 recipient.');
    assert.equal(result.untrusted, false);
    assert.deepEqual(requestedScopes, [['Mail.Send']]);
    const sent = graph.effects().sentMail.slice(before);
    assert.equal(sent.length, 1);
    assert.equal(sent[0]!.from, megan.upn);
    assert.deepEqual(sent[0]!.message, { subject: 'Lunch', body: { contentType: 'Text', content: 'Lunch at noon?' }, toRecipients: [{ emailAddress: { address: 'alex@contoso.example' } }] });
  });

  it('send_mail refuses arguments that are not addresses or carry extra recipients', () => {
    for (const bad of [{ to: ['not an address'], subject: 's', body: 'b' }, { to: [], subject: 's', body: 'b' }, { to: ['a@contoso.example'], subject: 's', body: 'b', bcc: ['eve@evil.example'] }]) {
      assert.equal(parseToolArguments(tool('send_mail'), JSON.stringify(bad)).ok, false, JSON.stringify(bad));
    }
  });

  it('create_sharing_link creates an organisation link on the user\'s own file and returns the URL as untrusted data', async () => {
    const before = graph.effects().links.length;
    const result = await tool('create_sharing_link').run(args(tool('create_sharing_link'), { fileId: fileIds.meganCampaignIdeas, scope: 'organization' }), contextFor());
    const links = graph.effects().links.slice(before);
    assert.equal(links.length, 1);
    assert.equal(links[0]!.scope, 'organization');
    assert.equal(links[0]!.type, 'view');
    assert.equal(links[0]!.itemId, fileIds.meganCampaignIdeas);
    assert.ok(result.content.includes(links[0]!.webUrl));
    assert.equal(result.untrusted, true);
    assert.ok(requestedScopes.every((s) => s.join(' ') === 'Files.ReadWrite'));
  });

  it('create_sharing_link for named users passes the recipients and needs at least one', async () => {
    const before = graph.effects().links.length;
    await tool('create_sharing_link').run(args(tool('create_sharing_link'), { fileId: fileIds.meganCampaignIdeas, scope: 'users', recipients: ['alex@contoso.example'] }), contextFor());
    assert.deepEqual(graph.effects().links.slice(before).map((l) => [l.scope, l.recipients]), [['users', [{ email: 'alex@contoso.example' }]]]);
    const none = await tool('create_sharing_link').run(args(tool('create_sharing_link'), { fileId: fileIds.meganCampaignIdeas, scope: 'users' }), contextFor());
    assert.match(none.content, /needs at least one recipient/);
    assert.equal(graph.effects().links.length, before + 1);
  });

  it('cannot share or delete another user\'s private file: reports not found and changes nothing', async () => {
    const effects = graph.effects();
    const share = await tool('create_sharing_link').run(args(tool('create_sharing_link'), { fileId: fileIds.alexSalaryReview, scope: 'organization' }), contextFor());
    const del = await tool('delete_file').run(args(tool('delete_file'), { fileId: fileIds.alexSalaryReview }), contextFor());
    assert.match(share.content, /not found/);
    assert.match(del.content, /not found/);
    assert.deepEqual(graph.effects().links, effects.links);
    assert.deepEqual(graph.effects().deletions, effects.deletions);
  });

  it('delete_file deletes the user\'s own file once; a second delete reports not found', async () => {
    graph.seed({ files: [{ id: '01TESTDELETEME0000000000000000A1', name: 'Old draft.txt', location: { personalOf: megan.upn }, text: 'old' }] });
    const first = await tool('delete_file').run(args(tool('delete_file'), { fileId: '01TESTDELETEME0000000000000000A1' }), contextFor());
    assert.equal(first.content, 'The file was deleted.');
    assert.deepEqual(graph.effects().deletions.filter((d) => d.itemId === '01TESTDELETEME0000000000000000A1').map((d) => [d.by, d.name]), [[megan.upn, 'Old draft.txt']]);
    const second = await tool('delete_file').run(args(tool('delete_file'), { fileId: '01TESTDELETEME0000000000000000A1' }), contextFor());
    assert.match(second.content, /not found/);
  });

  it('delete_file refuses ids that try to walk the Graph path', () => {
    for (const fileId of ['../../../users', 'a/b', 'x?y=1', '']) assert.equal(parseToolArguments(tool('delete_file'), JSON.stringify({ fileId })).ok, false, fileId);
  });

  it('create_event books the meeting with attendees; instants become UTC', async () => {
    const before = graph.effects().events.length;
    const result = await tool('create_event').run(
      args(tool('create_event'), { subject: 'Budget sync', start: '2027-01-05T10:00:00.000Z', end: '2027-01-05T10:30:00.000Z', attendees: ['miriam@contoso.example'] }),
      contextFor(),
    );
    assert.equal(result.content, 'Event created for Jan 5, 2027, 10:00 AM UTC to Jan 5, 2027, 10:30 AM UTC and 1 attendee invited.');
    const event = graph.effects().events.slice(before)[0]!.event as Record<string, unknown>;
    assert.equal(event.subject, 'Budget sync');
    assert.deepEqual(event.start, { dateTime: '2027-01-05T10:00:00', timeZone: 'UTC' });
    assert.deepEqual(event.attendees, [{ emailAddress: { address: 'miriam@contoso.example' }, type: 'required' }]);
    assert.deepEqual(requestedScopes, [['Calendars.ReadWrite']]);
  });

  it('create_event keeps a local time in the given zone and refuses an end before the start', async () => {
    const before = graph.effects().events.length;
    await tool('create_event').run(args(tool('create_event'), { subject: 'Local', start: '2027-01-05T09:00', end: '2027-01-05T09:30', timeZone: 'Europe/Berlin' }), contextFor());
    const event = graph.effects().events.slice(before)[0]!.event as Record<string, unknown>;
    assert.deepEqual(event.end, { dateTime: '2027-01-05T09:30:00', timeZone: 'Europe/Berlin' });
    const backwards = await tool('create_event').run(args(tool('create_event'), { subject: 'Bad', start: '2027-01-05T10:00', end: '2027-01-05T09:00' }), contextFor());
    assert.match(backwards.content, /end must be after the start/);
    assert.equal(graph.effects().events.length, before + 1);
  });

  it("create_event takes a wall-clock time in the user's own time zone and answers in it", async () => {
    const before = graph.effects().events.length;
    const newYork = { ...contextFor(), timeZone: 'America/New_York' };
    const local = await tool('create_event').run(args(tool('create_event'), { subject: 'Standup', start: '2027-01-05T10:00', end: '2027-01-05T10:15' }), newYork);
    const event = graph.effects().events.slice(before)[0]!.event as Record<string, unknown>;
    assert.deepEqual(event.start, { dateTime: '2027-01-05T10:00:00', timeZone: 'America/New_York' });
    assert.equal(local.content, 'Event created for Jan 5, 2027, 10:00 AM (America/New_York) to Jan 5, 2027, 10:15 AM (America/New_York).');
    // An instant is shown in the user's zone: 15:00 UTC is 10:00 in New York in January.
    const instant = await tool('create_event').run(args(tool('create_event'), { subject: 'Sync', start: '2027-01-05T15:00:00Z', end: '2027-01-05T15:30:00Z' }), newYork);
    assert.equal(instant.content, 'Event created for Jan 5, 2027, 10:00 AM EST to Jan 5, 2027, 10:30 AM EST.');
  });

  it('reports a missing permission from Graph as a readable refusal, not a crash', async () => {
    const before = graph.effects().sentMail.length;
    const result = await tool('send_mail').run(args(tool('send_mail'), { to: ['alex@contoso.example'], subject: 's', body: 'b' }), contextFor(megan, ['User.Read']));
    assert.match(result.content, /Could not send the mail: You do not have access/);
    assert.equal((result.data as { error?: string }).error, 'graph_access-denied');
    assert.equal(graph.effects().sentMail.length, before);
  });

  it('explains missing consent for a write scope, and lets sign-in errors through to the pipeline', async () => {
    const noConsent: ToolContext = { ...contextFor(), getUserToken: async (scopes) => { throw new ConsentRequiredError(scopes); } };
    const result = await tool('create_event').run(args(tool('create_event'), { subject: 'x', start: '2027-01-05T10:00', end: '2027-01-05T11:00' }), noConsent);
    assert.match(result.content, /Could not create the event: Consent required for Calendars\.ReadWrite/);
    const signedOut: ToolContext = { ...contextFor(), getUserToken: async () => { throw new SignInRequiredError(); } };
    await assert.rejects(tool('delete_file').run({ fileId: fileIds.meganCampaignIdeas }, signedOut), SignInRequiredError);
  });

  it('reports an unreachable Graph like a read tool does (graph_unavailable), without retrying the send', async () => {
    const dead = createActionTools({ graphBaseUrl: 'https://127.0.0.1:1/v1.0' }).find((t) => t.name === 'send_mail')!;
    const result = await dead.run({ to: ['alex@contoso.example'], subject: 's', body: 'b' }, contextFor());
    assert.match(result.content, /^Could not send the mail: Microsoft 365 could not be reached/);
    assert.equal((result.data as { error?: string }).error, 'graph_unavailable');
  });

  it('a hung write times out with the shared Graph error (graph_timeout), and a 503 on a send is not retried', async () => {
    const quick = new Map(createActionTools({ graphBaseUrl: `${graph.url}/v1.0`, timeoutMs: 1000 }).map((t) => [t.name, t]));
    graph.fault({ method: 'POST', pathPrefix: '/me/sendMail', hang: 'before' });
    const started = Date.now();
    const hung = await quick.get('send_mail')!.run(args(tool('send_mail'), { to: ['alex@contoso.example'], subject: 's', body: 'b' }), contextFor());
    assert.ok(Date.now() - started < 5000, 'ended by the timeout');
    assert.match(hung.content, /^Could not send the mail: Microsoft 365 did not answer in time/);
    assert.equal((hung.data as { error?: string }).error, 'graph_timeout');

    const sends = () => graph.requests().filter((r) => r.method === 'POST' && r.path === '/me/sendMail').length;
    const before = sends();
    graph.fault({ method: 'POST', pathPrefix: '/me/sendMail', status: 503, retryAfterSec: 0 });
    const refused = await quick.get('send_mail')!.run(args(tool('send_mail'), { to: ['alex@contoso.example'], subject: 's', body: 'b' }), contextFor());
    assert.equal((refused.data as { error?: string }).error, 'graph_unavailable');
    assert.equal(sends(), before + 1, 'a send that may have been applied is not sent again');
  });

  it('a write failure carries the same audit codes as the same failure of a read tool', async () => {
    const reads = new Map(createReadTools({ graphBaseUrl: `${graph.url}/v1.0`, zones: DataZonePolicy.load(shippedDataZonesFile), maxFileBytes: 1 << 20, maxTextChars: 5000 }).map((t) => [t.name, t]));
    graph.fault({ pathPrefix: '/drives', status: 404 });
    const read = await reads.get('read_file')!.run({ fileId: fileIds.meganCampaignIdeas, driveId: 'b!personal-megan' }, contextFor());
    graph.fault({ pathPrefix: '/me/drive/items', status: 404 });
    const write = await tool('delete_file').run({ fileId: fileIds.meganCampaignIdeas }, contextFor());
    const codes = (r: { data?: unknown }) => { const d = r.data as { error?: string; status?: number }; return { error: d.error, status: d.status }; };
    assert.deepEqual(codes(write), { error: 'graph_not-found', status: 404 });
    assert.deepEqual(codes(write), codes(read));
  });
});
