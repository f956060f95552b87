// The Graph v1.0 endpoints the agent's tools use. Each route checks the
// caller's delegated scopes (least privilege) and the per-user access rules
// of the store before it returns or changes anything.
import express, { type Request, type Response, type Router } from 'express';
import { randomUUID } from 'node:crypto';
import { requireScope, type GraphCaller } from './graph-auth.js';
import { GraphError, graphErrors } from './graph-errors.js';
import { searchQuery } from './graph-search.js';
import { driveItemJson, listItemJson, listJson, messageJson, remoteItemJson, siteJson, sitePageJson, userJson } from './graph-shapes.js';
import type { GraphStore, Item, Site } from './graph-store.js';

const scopes = {
  me: ['User.Read', 'User.ReadWrite', 'User.ReadBasic.All', 'User.Read.All', 'Directory.Read.All'],
  otherUsers: ['User.ReadBasic.All', 'User.Read.All', 'Directory.Read.All'],
  groupMembers: ['GroupMember.Read.All', 'Group.Read.All', 'Directory.Read.All'],
  readOwnFiles: ['Files.Read', 'Files.ReadWrite', 'Files.Read.All', 'Files.ReadWrite.All', 'Sites.Read.All', 'Sites.ReadWrite.All'],
  readAnyFiles: ['Files.Read.All', 'Files.ReadWrite.All', 'Sites.Read.All', 'Sites.ReadWrite.All'],
  writeOwnFiles: ['Files.ReadWrite', 'Files.ReadWrite.All', 'Sites.ReadWrite.All'],
  writeAnyFiles: ['Files.ReadWrite.All', 'Sites.ReadWrite.All'],
  sites: ['Sites.Read.All', 'Sites.ReadWrite.All'],
  readMail: ['Mail.ReadBasic', 'Mail.Read', 'Mail.ReadWrite'],
  sendMail: ['Mail.Send'],
  events: ['Calendars.ReadWrite'],
  channelMessages: ['ChannelMessage.Send', 'Group.ReadWrite.All'],
};

const callerOf = (res: Response) => res.locals.caller as GraphCaller;
const param = (req: Request, name: string) => String(req.params[name] ?? '');
const context = (path: string) => `https://graph.microsoft.com/v1.0/$metadata#${path}`;

export function graphRoutes(store: GraphStore): Router {
  const r = express.Router();
  const json = express.json({ limit: '1mb' });

  // ---- people ---------------------------------------------------------------
  r.get('/me', (_req, res) => {
    const caller = callerOf(res);
    if (caller.appOnly) throw graphErrors.badRequest('/me request is only valid with delegated authentication flow.');
    requireScope(caller, scopes.me);
    res.json({ '@odata.context': context('users/$entity'), ...userJson(store.requireUser(caller.upn)) });
  });
  r.get('/users/:id', (req, res) => {
    const caller = callerOf(res);
    const user = store.user(param(req, 'id'));
    requireScope(caller, user && user.oid === caller.oid ? scopes.me : scopes.otherUsers);
    if (!user) throw graphErrors.resourceNotFound(`Resource '${param(req, 'id')}' does not exist or one of its queried reference-property objects are not present.`);
    res.json({ '@odata.context': context('users/$entity'), ...userJson(user) });
  });
  const manager = (res: Response, upn: string) => {
    const user = store.requireUser(upn);
    const boss = user.managerUpn ? store.user(user.managerUpn) : undefined;
    if (!boss) throw graphErrors.resourceNotFound("Resource 'manager' does not exist or one of its queried reference-property objects are not present.");
    res.json({ '@odata.context': context('directoryObjects/$entity'), ...userJson(boss) });
  };
  r.get('/me/manager', (_req, res) => {
    const caller = callerOf(res);
    requireScope(caller, scopes.me);
    manager(res, caller.upn);
  });
  r.get('/users/:id/manager', (req, res) => {
    const caller = callerOf(res);
    requireScope(caller, scopes.otherUsers);
    const user = store.user(param(req, 'id'));
    if (!user) throw graphErrors.resourceNotFound(`Resource '${param(req, 'id')}' does not exist.`);
    manager(res, user.upn);
  });
  r.get('/groups/:id/members', (req, res) => {
    requireScope(callerOf(res), scopes.groupMembers);
    const group = store.tenant.groups?.find((g) => g.id === param(req, 'id') || g.mailNickname === param(req, 'id'));
    if (!group) throw graphErrors.resourceNotFound(`Resource '${param(req, 'id')}' does not exist or one of its queried reference-property objects are not present.`);
    res.json({ '@odata.context': context('directoryObjects'), value: group.memberUpns.map((u) => userJson(store.requireUser(u))) });
  });

  // ---- files ----------------------------------------------------------------
  const loadItem = (req: Request, res: Response, access: 'read' | 'write'): Item => {
    const caller = callerOf(res);
    const driveId = req.params.driveId === undefined ? store.personalDriveOf(caller.upn)?.id : param(req, 'driveId');
    const item = store.items.get(param(req, 'itemId'));
    if (access === 'read') requireScope(caller, scopes.readOwnFiles);
    else requireScope(caller, scopes.writeOwnFiles);
    if (!item || item.driveId !== driveId) throw graphErrors.itemNotFound('The resource could not be found.');
    const role = store.itemRole(item, caller.upn);
    if (!role || (access === 'write' && role !== 'write')) throw graphErrors.accessDenied();
    // Files.Read / Files.ReadWrite only reach the caller's own OneDrive.
    if (!store.isOwnItem(item, caller.upn)) requireScope(caller, access === 'read' ? scopes.readAnyFiles : scopes.writeAnyFiles);
    return item;
  };
  const sendItem = (req: Request, res: Response) => {
    const item = loadItem(req, res, 'read');
    res.json({ '@odata.context': context('drives/items/$entity'), ...driveItemJson(store, item) });
  };
  const sendContent = (req: Request, res: Response) => {
    const item = loadItem(req, res, 'read');
    store.markAccessed(item, callerOf(res).upn);
    res.set('Content-Type', item.mimeType).send(Buffer.from(item.content));
  };
  r.get('/drives/:driveId/items/:itemId', sendItem);
  r.get('/me/drive/items/:itemId', sendItem);
  r.get('/drives/:driveId/items/:itemId/content', sendContent);
  r.get('/me/drive/items/:itemId/content', sendContent);

  r.get('/me/drive/recent', (req, res) => {
    const caller = callerOf(res);
    requireScope(caller, scopes.readOwnFiles);
    const top = Math.min(200, Math.max(1, Number(req.query.$top ?? 25) || 25));
    const items = store.recentFor(caller.upn).slice(0, top);
    res.json({ '@odata.context': context('Collection(driveItem)'), value: items.map((i) => (store.isOwnItem(i, caller.upn) ? driveItemJson(store, i) : remoteItemJson(store, i))) });
  });
  r.get('/me/drive/root/children', (_req, res) => {
    const caller = callerOf(res);
    requireScope(caller, scopes.readOwnFiles);
    const drive = store.personalDriveOf(caller.upn);
    res.json({ '@odata.context': context('Collection(driveItem)'), value: [...store.items.values()].filter((i) => i.driveId === drive?.id).map((i) => driveItemJson(store, i)) });
  });

  r.post('/search/query', json, (req, res) => {
    res.json(searchQuery(store, callerOf(res), req.body));
  });

  r.post('/drives/:driveId/items/:itemId/createLink', json, (req, res) => {
    const caller = callerOf(res);
    const item = loadItem(req, res, 'write');
    const body = (req.body ?? {}) as { type?: unknown; scope?: unknown; recipients?: unknown };
    const type = String(body.type ?? '');
    if (!['view', 'edit', 'embed'].includes(type)) throw graphErrors.invalidRequest("Invalid value for 'type': use view, edit or embed.");
    const scope = body.scope === undefined ? 'organization' : String(body.scope);
    if (!['anonymous', 'organization', 'users'].includes(scope)) throw graphErrors.invalidRequest("Invalid value for 'scope': use anonymous, organization or users.");
    // Graph returns the existing link when the app asks again for a link of the same type and scope (200, not 201).
    const recipientsKey = JSON.stringify(body.recipients ?? null);
    const existing = store.effects.links.find((l) => l.itemId === item.id && l.by === caller.upn && l.type === type && l.scope === scope && JSON.stringify(l.recipients ?? null) === recipientsKey);
    if (existing) {
      res.status(200).json({ '@odata.context': context('microsoft.graph.permission'), id: existing.permissionId, roles: [type === 'edit' ? 'write' : 'read'], link: { type, scope, webUrl: existing.webUrl, application: { id: caller.oid, displayName: 'Secure Teams Agent' } } });
      return;
    }
    const linkId = randomUUID();
    const webUrl = `https://${store.domainHost}.sharepoint.com/:${type === 'edit' ? 'w' : 'r'}:/g/${linkId.replace(/-/g, '')}`;
    store.effects.links.push({ at: new Date().toISOString(), by: caller.upn, driveId: item.driveId, itemId: item.id, type, scope, webUrl, recipients: body.recipients, permissionId: linkId });
    res.status(201).json({ '@odata.context': context('microsoft.graph.permission'), id: linkId, roles: [type === 'edit' ? 'write' : 'read'], link: { type, scope, webUrl, application: { id: caller.oid, displayName: 'Secure Teams Agent' } } });
  });
  r.delete('/drives/:driveId/items/:itemId', (req, res) => {
    const caller = callerOf(res);
    const item = loadItem(req, res, 'write');
    store.items.delete(item.id);
    store.effects.deletions.push({ at: new Date().toISOString(), by: caller.upn, driveId: item.driveId, itemId: item.id, name: item.name });
    res.status(204).end();
  });
  r.put('/drives/:driveId/items/:itemId/content', express.raw({ type: () => true, limit: '4mb' }), (req, res) => {
    const caller = callerOf(res);
    const item = loadItem(req, res, 'write');
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    item.content = new Uint8Array(bytes);
    item.indexText = item.mimeType.startsWith('text/') ? bytes.toString('utf8') : '';
    item.lastModifiedBy = caller.upn;
    item.lastModifiedDateTime = new Date().toISOString();
    store.effects.updates.push({ at: item.lastModifiedDateTime, by: caller.upn, driveId: item.driveId, itemId: item.id, change: 'content', detail: { bytes: bytes.byteLength } });
    res.json(driveItemJson(store, item));
  });
  r.patch('/drives/:driveId/items/:itemId', json, (req, res) => {
    const caller = callerOf(res);
    const item = loadItem(req, res, 'write');
    const body = (req.body ?? {}) as { name?: unknown };
    if (body.name !== undefined) {
      if (typeof body.name !== 'string' || body.name.trim() === '' || /[\\/:*?"<>|]/.test(body.name)) throw graphErrors.invalidRequest('Invalid name.');
      item.name = body.name;
    }
    item.lastModifiedBy = caller.upn;
    item.lastModifiedDateTime = new Date().toISOString();
    store.effects.updates.push({ at: item.lastModifiedDateTime, by: caller.upn, driveId: item.driveId, itemId: item.id, change: 'metadata', detail: { name: body.name } });
    res.json(driveItemJson(store, item));
  });

  // ---- sites ----------------------------------------------------------------
  const loadSite = (req: Request, res: Response): Site => {
    const caller = callerOf(res);
    requireScope(caller, scopes.sites);
    const id = param(req, 'siteId');
    const site = store.sites.get(id) ?? [...store.sites.values()].find((s) => s.id.split(',')[1] === id);
    if (!site) throw graphErrors.itemNotFound('Requested site could not be found');
    if (!store.siteRole(site, caller.upn)) throw graphErrors.accessDenied();
    return site;
  };
  r.get('/sites', (req, res) => {
    const caller = callerOf(res);
    requireScope(caller, scopes.sites);
    const search = typeof req.query.search === 'string' ? req.query.search.toLowerCase().slice(0, 256) : undefined;
    if (search === undefined) throw graphErrors.badRequest('Use /sites?search={query} to find sites.');
    const found = [...store.sites.values()].filter((s) => store.siteRole(s, caller.upn) && (search === '*' || `${s.name} ${s.displayName} ${s.description}`.toLowerCase().includes(search)));
    res.json({ '@odata.context': context('sites'), value: found.map(siteJson) });
  });
  r.get('/sites/:siteId', (req, res) => {
    res.json({ '@odata.context': context('sites/$entity'), ...siteJson(loadSite(req, res)) });
  });
  r.get('/sites/:siteId/pages', (req, res) => {
    const site = loadSite(req, res);
    res.json({ '@odata.context': context('Collection(microsoft.graph.sitePage)'), value: site.pages.map((p) => sitePageJson(site, p)) });
  });
  r.get('/sites/:siteId/pages/:pageId/microsoft.graph.sitePage', (req, res) => {
    const site = loadSite(req, res);
    const page = site.pages.find((p) => p.id === param(req, 'pageId'));
    if (!page) throw graphErrors.itemNotFound('Page not found.');
    res.json(sitePageJson(site, page, String(req.query.$expand ?? '').includes('canvasLayout')));
  });
  const findList = (site: Site, ref: string) => site.lists.find((l) => l.id === ref || l.name.toLowerCase() === ref.toLowerCase() || l.displayName.toLowerCase() === ref.toLowerCase());
  r.get('/sites/:siteId/lists', (req, res) => {
    const site = loadSite(req, res);
    res.json({ '@odata.context': context('Collection(list)'), value: site.lists.map((l) => listJson(site, l)) });
  });
  r.get('/sites/:siteId/lists/:listId/items', (req, res) => {
    const site = loadSite(req, res);
    const list = findList(site, param(req, 'listId'));
    if (!list) throw graphErrors.itemNotFound('List not found.');
    const expand = String(req.query.expand ?? req.query.$expand ?? '').includes('fields');
    const top = Math.min(200, Math.max(1, Number(req.query.$top ?? 50) || 50));
    res.json({ '@odata.context': context('Collection(listItem)'), value: list.items.slice(0, top).map((i) => listItemJson(site, list, i, expand)) });
  });

  // ---- mail and calendar ----------------------------------------------------
  r.get('/me/messages', (req, res) => {
    const caller = callerOf(res);
    requireScope(caller, scopes.readMail);
    const top = Math.min(100, Math.max(1, Number(req.query.$top ?? 10) || 10));
    const mine = store.mail.filter((m) => m.ownerUpn === caller.upn).sort((a, b) => b.receivedDateTime.localeCompare(a.receivedDateTime));
    res.json({ '@odata.context': context('Collection(message)'), value: mine.slice(0, top).map(messageJson) });
  });
  r.post('/me/sendMail', json, (req, res) => {
    const caller = callerOf(res);
    requireScope(caller, scopes.sendMail);
    const body = (req.body ?? {}) as { message?: { subject?: unknown; toRecipients?: unknown; singleValueExtendedProperties?: unknown }; saveToSentItems?: unknown };
    if (!body.message || typeof body.message !== 'object') throw graphErrors.badRequest("Property 'message' is required.");
    const to = body.message.toRecipients;
    if (!Array.isArray(to) || to.length === 0 || !to.every((t) => typeof (t as { emailAddress?: { address?: unknown } })?.emailAddress?.address === 'string')) {
      throw new GraphError(400, 'ErrorInvalidRecipients', 'At least one recipient is not valid.');
    }
    const props = body.message.singleValueExtendedProperties;
    if (props !== undefined && !(Array.isArray(props) && props.every((p) => typeof (p as { id?: unknown })?.id === 'string' && typeof (p as { value?: unknown })?.value === 'string'))) {
      throw graphErrors.badRequest('singleValueExtendedProperties must be a list of { id, value } strings.');
    }
    store.effects.sentMail.push({ id: randomUUID(), at: new Date().toISOString(), from: caller.upn, message: body.message, saveToSentItems: body.saveToSentItems !== false });
    res.status(202).end();
  });
  // Sent Items (what the caller sent with saveToSentItems) and an always-empty Outbox (sending is immediate here).
  // $filter supports the extended-property form Graph documents: singleValueExtendedProperties/Any(ep: ep/id eq '…' and ep/value eq '…').
  r.get('/me/mailFolders/:folder/messages', (req, res) => {
    const caller = callerOf(res);
    requireScope(caller, scopes.readMail);
    const folder = param(req, 'folder').toLowerCase();
    if (!['sentitems', 'outbox', 'drafts', 'inbox'].includes(folder)) throw graphErrors.resourceNotFound('The specified folder could not be found in the store.');
    const filter = typeof req.query.$filter === 'string' ? extendedPropertyFilter(req.query.$filter) : undefined;
    const sent = folder === 'sentitems' ? store.effects.sentMail.filter((m) => m.from === caller.upn && m.saveToSentItems) : [];
    const found = sent.filter((m) => !filter || propertiesOf(m.message).some((p) => p.id.toLowerCase() === filter.id.toLowerCase() && p.value === filter.value));
    const top = Math.min(100, Math.max(1, Number(req.query.$top ?? 10) || 10));
    res.json({ '@odata.context': context('Collection(message)'), value: found.slice(0, top).map((m) => ({ id: m.id, subject: (m.message as { subject?: unknown }).subject, sentDateTime: m.at })) });
  });
  r.post('/me/events', json, (req, res) => {
    const caller = callerOf(res);
    requireScope(caller, scopes.events);
    const body = (req.body ?? {}) as Record<string, unknown>;
    // transactionId: a repeated create of the same client transaction returns the event made the first time.
    if (body.transactionId !== undefined) {
      if (typeof body.transactionId !== 'string' || body.transactionId.length > 200) throw graphErrors.badRequest('transactionId must be a string.');
      const earlier = store.effects.events.find((e) => e.by === caller.upn && e.event.transactionId === body.transactionId);
      if (earlier) {
        res.status(201).json({ '@odata.context': context('users/events/$entity'), ...earlier.event });
        return;
      }
    }
    const start = body.start as { dateTime?: unknown } | undefined;
    const end = body.end as { dateTime?: unknown } | undefined;
    if (typeof body.subject !== 'string' || typeof start?.dateTime !== 'string' || typeof end?.dateTime !== 'string') throw graphErrors.badRequest('An event needs subject, start.dateTime and end.dateTime.');
    if (Number.isNaN(Date.parse(start.dateTime)) || Number.isNaN(Date.parse(end.dateTime)) || Date.parse(end.dateTime) < Date.parse(start.dateTime)) throw graphErrors.badRequest('start and end must be dates, and end must not be before start.');
    const event = { id: randomUUID(), ...body, organizer: { emailAddress: { address: caller.upn } }, webLink: `https://outlook.office365.com/owa/?itemid=${randomUUID()}` };
    store.effects.events.push({ at: new Date().toISOString(), by: caller.upn, event });
    res.status(201).json({ '@odata.context': context('users/events/$entity'), ...event });
  });

  // ---- teams ----------------------------------------------------------------
  // Used by the example tool of docs/extending.md (examples/), not by the shipped agent.
  r.post('/teams/:teamId/channels/:channelId/messages', json, (req, res) => {
    const caller = callerOf(res);
    requireScope(caller, scopes.channelMessages);
    const team = store.teams.get(param(req, 'teamId'));
    if (!team) throw new GraphError(404, 'NotFound', `No team found with Group Id ${param(req, 'teamId')}`);
    if (!team.memberUpns.some((m) => m.toLowerCase() === caller.upn.toLowerCase())) throw new GraphError(403, 'Forbidden', 'Forbidden');
    const channel = team.channels.find((c) => c.id === param(req, 'channelId'));
    if (!channel) throw new GraphError(404, 'NotFound', 'Channel not found');
    const body = (req.body ?? {}) as { body?: { content?: unknown; contentType?: unknown } };
    if (typeof body.body?.content !== 'string' || body.body.content.trim() === '') throw graphErrors.badRequest('Missing body content');
    const contentType = body.body.contentType === 'text' ? 'text' : 'html';
    const id = String(Date.now() + store.effects.channelMessages.length);
    const createdDateTime = new Date().toISOString();
    const user = store.user(caller.upn);
    const message = {
      id,
      replyToId: null,
      etag: id,
      messageType: 'message',
      createdDateTime,
      lastModifiedDateTime: createdDateTime,
      subject: null,
      importance: 'normal',
      locale: 'en-us',
      webUrl: `https://teams.microsoft.com/l/message/${encodeURIComponent(channel.id)}/${id}?groupId=${team.id}&tenantId=${store.tenant.id}&createdTime=${id}&parentMessageId=${id}`,
      from: { application: null, device: null, user: { id: user?.oid ?? caller.upn, displayName: user?.displayName ?? caller.upn, userIdentityType: 'aadUser' } },
      body: { contentType, content: body.body.content },
      channelIdentity: { teamId: team.id, channelId: channel.id },
      attachments: [],
      mentions: [],
      reactions: [],
    };
    store.effects.channelMessages.push({ at: createdDateTime, by: caller.upn, teamId: team.id, channelId: channel.id, message });
    res.status(201).json({ '@odata.context': context(`teams('${team.id}')/channels('${encodeURIComponent(channel.id)}')/messages/$entity`), ...message });
  });

  return r;
}

/** The one $filter form on messages the emulator understands (bounded: ids and values are short quoted strings). */
function extendedPropertyFilter(filter: string): { id: string; value: string } {
  const match = /^singleValueExtendedProperties\/any\(ep:\s?ep\/id eq '([^']{1,200})' and ep\/value eq '([^']{0,200})'\)$/i.exec(filter.trim());
  if (!match) throw graphErrors.badRequest('Invalid filter clause: only singleValueExtendedProperties/Any(ep: ep/id eq ... and ep/value eq ...) is supported here.');
  return { id: match[1]!, value: match[2]! };
}

function propertiesOf(message: unknown): Array<{ id: string; value: string }> {
  const props = (message as { singleValueExtendedProperties?: unknown }).singleValueExtendedProperties;
  return Array.isArray(props) ? (props as Array<{ id: string; value: string }>) : [];
}
