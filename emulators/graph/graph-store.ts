// In-memory state of the emulated Microsoft 365 tenant and its access rules:
// who may read or change which drive item, site, list and mailbox. Every
// route asks this store, so an item a user cannot access never leaves it.
import { createHash, randomUUID } from 'node:crypto';
import type { SeedTenant, SeedUser } from '../entra/seed.js';
import { makeDocx, makePdf, makePptx, makeXlsx, mimeTypes } from './office-files.js';
import type { GraphSeed, Role, SeedFile, SeedMail, SeedSite, SeedTeam } from './graph-seed.js';

export interface Drive {
  id: string;
  name: string;
  driveType: 'business' | 'documentLibrary';
  ownerUpn?: string;
  siteId: string;
  webUrl: string;
}

export interface Item {
  id: string;
  driveId: string;
  name: string;
  mimeType: string;
  content: Uint8Array;
  /** Plain text the search index sees (seeded text, or the body of a text upload). */
  indexText: string;
  createdBy: string;
  lastModifiedBy: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  sharedWith: Array<{ upn: string; role: Role }>;
}

export interface Site {
  id: string;
  name: string;
  displayName: string;
  description: string;
  webUrl: string;
  members: Array<{ upn: string; role: Role }>;
  driveId: string;
  pages: Array<{ id: string; name: string; title: string; description: string; text: string; webUrl: string; lastModifiedDateTime: string }>;
  lists: Array<{ id: string; name: string; displayName: string; webUrl: string; items: Array<{ id: string; fields: Record<string, unknown>; lastModifiedDateTime: string }> }>;
}

export interface Mail {
  id: string;
  ownerUpn: string;
  from: { name: string; address: string };
  subject: string;
  body: string;
  receivedDateTime: string;
}

export interface Team {
  id: string;
  displayName: string;
  memberUpns: string[];
  channels: Array<{ id: string; displayName: string }>;
}

export interface Effects {
  sentMail: Array<{ id?: string; at: string; from: string; message: unknown; saveToSentItems: boolean }>;
  links: Array<{ at: string; by: string; driveId: string; itemId: string; type: string; scope: string; webUrl: string; recipients?: unknown; permissionId?: string }>;
  deletions: Array<{ at: string; by: string; driveId: string; itemId: string; name: string }>;
  events: Array<{ at: string; by: string; event: Record<string, unknown> }>;
  updates: Array<{ at: string; by: string; driveId: string; itemId: string; change: 'content' | 'metadata'; detail?: unknown }>;
  channelMessages: Array<{ at: string; by: string; teamId: string; channelId: string; message: Record<string, unknown> }>;
}

const lower = (s: string) => s.toLowerCase();
const dayIso = () => new Date().toISOString();

export class GraphStore {
  readonly tenant: SeedTenant;
  readonly drives = new Map<string, Drive>();
  readonly items = new Map<string, Item>();
  readonly sites = new Map<string, Site>();
  readonly mail: Mail[] = [];
  readonly teams = new Map<string, Team>();
  readonly effects: Effects = { sentMail: [], links: [], deletions: [], events: [], updates: [], channelMessages: [] };
  /** When each user last opened each item (feeds /me/drive/recent). */
  private readonly accessed = new Map<string, string>();

  constructor(tenant: SeedTenant, seed: GraphSeed) {
    this.tenant = structuredClone(tenant);
    for (const user of this.tenant.users) this.ensurePersonalDrive(user);
    this.addSeed(seed);
  }

  get domainHost(): string {
    return this.tenant.domain.split('.')[0] ?? 'contoso';
  }

  user(ref: string): SeedUser | undefined {
    const r = lower(ref);
    return this.tenant.users.find((u) => lower(u.upn) === r || lower(u.oid) === r);
  }

  addSeed(seed: GraphSeed): { sites: string[]; files: string[]; mail: string[] } {
    const added = { sites: [] as string[], files: [] as string[], mail: [] as string[] };
    for (const site of seed.sites ?? []) added.sites.push(this.addSite(site).id);
    for (const file of seed.files ?? []) added.files.push(this.addFile(file).id);
    for (const mail of seed.mail ?? []) added.mail.push(this.addMail(mail).id);
    for (const team of seed.teams ?? []) this.addTeam(team);
    return added;
  }

  private ensurePersonalDrive(user: SeedUser): Drive {
    const existing = this.personalDriveOf(user.upn);
    if (existing) return existing;
    const local = user.upn.split('@')[0]!;
    const drive: Drive = {
      id: `b!personal-${local}`,
      name: 'OneDrive',
      driveType: 'business',
      ownerUpn: user.upn,
      siteId: `${this.domainHost}-my.sharepoint.com,${user.oid},${user.oid}`,
      webUrl: `https://${this.domainHost}-my.sharepoint.com/personal/${user.upn.replace(/[@.]/g, '_')}/Documents`,
    };
    this.drives.set(drive.id, drive);
    return drive;
  }

  personalDriveOf(upn: string): Drive | undefined {
    return [...this.drives.values()].find((d) => d.ownerUpn && lower(d.ownerUpn) === lower(upn));
  }

  private addSite(seed: SeedSite): Site {
    if (this.sites.has(seed.id)) throw new Error(`Site ${seed.id} exists already.`);
    const webUrl = `https://${this.domainHost}.sharepoint.com/sites/${encodeURIComponent(seed.name)}`;
    const drive: Drive = { id: `b!site-${lower(seed.name)}`, name: 'Documents', driveType: 'documentLibrary', siteId: seed.id, webUrl: `${webUrl}/Shared Documents` };
    this.drives.set(drive.id, drive);
    const site: Site = {
      id: seed.id,
      name: seed.name,
      displayName: seed.displayName,
      description: seed.description,
      webUrl,
      members: seed.members.map((m) => ({ upn: this.requireUser(m.user).upn, role: m.role })),
      driveId: drive.id,
      pages: seed.pages.map((p, i) => ({
        id: p.id ?? stableGuid(`${seed.id}|page|${i}`),
        name: `${p.title.replace(/[^A-Za-z0-9]+/g, '-')}.aspx`,
        title: p.title,
        description: p.description,
        text: p.text,
        webUrl: `${webUrl}/SitePages/${p.title.replace(/[^A-Za-z0-9]+/g, '-')}.aspx`,
        lastModifiedDateTime: '2026-11-01T09:00:00Z',
      })),
      lists: seed.lists.map((l, i) => ({
        id: l.id ?? stableGuid(`${seed.id}|list|${i}`),
        name: l.displayName.replace(/\s+/g, ''),
        displayName: l.displayName,
        webUrl: `${webUrl}/Lists/${l.displayName.replace(/\s+/g, '')}`,
        items: l.items.map((fields, n) => ({ id: String(n + 1), fields: { ...fields }, lastModifiedDateTime: '2026-11-01T09:00:00Z' })),
      })),
    };
    this.sites.set(site.id, site);
    return site;
  }

  addFile(seed: SeedFile): Item {
    const drive = this.driveForLocation(seed.location);
    const owner = drive.ownerUpn ?? this.sites.get(drive.siteId)?.members[0]?.upn ?? this.tenant.users[0]!.upn;
    const id = seed.id ?? '01' + createHash('sha1').update(`${drive.id}|${seed.name}|${randomUUID()}`).digest('hex').slice(0, 30).toUpperCase();
    if (this.items.has(id)) throw new Error(`Item ${id} exists already.`);
    const { content, mimeType } = buildContent(seed);
    const editor = seed.lastModifiedBy ? this.requireUser(seed.lastModifiedBy).upn : owner;
    const when = seed.lastModifiedDateTime ?? dayIso();
    const item: Item = {
      id,
      driveId: drive.id,
      name: seed.name,
      mimeType,
      content,
      indexText: seed.text ?? '',
      createdBy: editor,
      lastModifiedBy: editor,
      createdDateTime: when,
      lastModifiedDateTime: when,
      sharedWith: (seed.sharedWith ?? []).map((s) => ({ upn: this.requireUser(s.user).upn, role: s.role ?? 'read' })),
    };
    this.items.set(id, item);
    return item;
  }

  private addTeam(seed: SeedTeam): void {
    if (this.teams.has(seed.id)) throw new Error(`Team ${seed.id} exists already.`);
    this.teams.set(seed.id, { id: seed.id, displayName: seed.displayName, memberUpns: seed.members.map((m) => this.requireUser(m).upn), channels: seed.channels.map((c) => ({ ...c })) });
  }

  private addMail(seed: SeedMail): Mail {
    const mail: Mail = { id: seed.id ?? randomUUID(), ownerUpn: this.requireUser(seed.to).upn, from: seed.from, subject: seed.subject, body: seed.body, receivedDateTime: seed.receivedDateTime ?? dayIso() };
    this.mail.push(mail);
    return mail;
  }

  private driveForLocation(location: SeedFile['location']): Drive {
    if ('personalOf' in location) {
      const drive = this.personalDriveOf(this.requireUser(location.personalOf).upn);
      if (!drive) throw new Error(`No OneDrive for ${location.personalOf}.`);
      return drive;
    }
    const site = this.sites.get(location.siteId) ?? [...this.sites.values()].find((s) => lower(s.name) === lower(location.siteId) || lower(s.displayName) === lower(location.siteId));
    if (!site) throw new Error(`No site ${location.siteId}.`);
    return this.drives.get(site.driveId)!;
  }

  requireUser(ref: string): SeedUser {
    const user = this.user(ref);
    if (!user) throw new Error(`No user ${ref} in the emulated tenant.`);
    return user;
  }

  // ---- access rules -------------------------------------------------------

  siteRole(site: Site, upn: string): Role | undefined {
    return site.members.find((m) => lower(m.upn) === lower(upn))?.role;
  }

  /** The user's effective role on an item, or undefined when they may not see it at all. */
  itemRole(item: Item, upn: string): Role | undefined {
    const drive = this.drives.get(item.driveId);
    if (!drive) return undefined;
    if (drive.ownerUpn && lower(drive.ownerUpn) === lower(upn)) return 'write';
    const shared = item.sharedWith.find((s) => lower(s.upn) === lower(upn))?.role;
    const site = drive.driveType === 'documentLibrary' ? this.sites.get(drive.siteId) : undefined;
    const viaSite = site ? this.siteRole(site, upn) : undefined;
    if (shared === 'write' || viaSite === 'write') return 'write';
    return shared ?? viaSite;
  }

  isOwnItem(item: Item, upn: string): boolean {
    const drive = this.drives.get(item.driveId);
    return !!drive?.ownerUpn && lower(drive.ownerUpn) === lower(upn);
  }

  markAccessed(item: Item, upn: string): void {
    this.accessed.set(`${lower(upn)}|${item.id}`, dayIso());
  }

  /** Items the user touched lately (own edits, opened files), newest first. */
  recentFor(upn: string): Item[] {
    const u = lower(upn);
    const stamp = (item: Item) => {
      const opened = this.accessed.get(`${u}|${item.id}`);
      const edited = lower(item.lastModifiedBy) === u ? item.lastModifiedDateTime : undefined;
      return [opened, edited].filter((x): x is string => !!x).sort().at(-1);
    };
    return [...this.items.values()]
      .filter((item) => this.itemRole(item, upn) !== undefined && (stamp(item) || this.isOwnItem(item, upn)))
      .sort((a, b) => (stamp(b) ?? b.lastModifiedDateTime).localeCompare(stamp(a) ?? a.lastModifiedDateTime));
  }
}

function buildContent(seed: SeedFile): { content: Uint8Array; mimeType: string } {
  const ext = (seed.name.split('.').pop() ?? '').toLowerCase();
  const mimeType = seed.mimeType ?? (mimeTypes as Record<string, string>)[ext] ?? 'application/octet-stream';
  if (seed.contentBase64 !== undefined) return { content: new Uint8Array(Buffer.from(seed.contentBase64, 'base64')), mimeType };
  const text = seed.text ?? '';
  const lines = text.split('\n');
  switch (ext) {
    case 'docx':
      return { content: makeDocx(lines), mimeType };
    case 'pptx':
      return { content: makePptx(text.split(/\n\n/).map((slide) => slide.split('\n'))), mimeType };
    case 'xlsx':
      return { content: makeXlsx(lines.map((l) => l.split(' | ').map((cell) => (/^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell)))), mimeType };
    case 'pdf':
      return { content: makePdf(lines), mimeType };
    default:
      return { content: new TextEncoder().encode(text), mimeType };
  }
}

function stableGuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
