// JSON shapes of Graph resources as the v1.0 endpoint returns them.
import type { SeedUser } from '../entra/seed.js';
import type { GraphStore, Item, Mail, Site } from './graph-store.js';

export function userJson(user: SeedUser) {
  return {
    '@odata.type': '#microsoft.graph.user',
    id: user.oid,
    displayName: user.displayName,
    givenName: user.givenName ?? null,
    surname: user.surname ?? null,
    userPrincipalName: user.upn,
    mail: user.upn,
    jobTitle: user.jobTitle ?? null,
    department: user.department ?? null,
    officeLocation: null,
    businessPhones: [],
    mobilePhone: null,
    preferredLanguage: 'en-US',
  };
}

export function identityJson(store: GraphStore, upn: string) {
  const user = store.user(upn);
  return { user: { id: user?.oid ?? null, displayName: user?.displayName ?? upn, email: upn } };
}

export function driveItemJson(store: GraphStore, item: Item) {
  const drive = store.drives.get(item.driveId)!;
  return {
    '@odata.type': '#microsoft.graph.driveItem',
    id: item.id,
    name: item.name,
    size: item.content.byteLength,
    webUrl: `${drive.webUrl}/${encodeURIComponent(item.name)}`,
    createdDateTime: item.createdDateTime,
    lastModifiedDateTime: item.lastModifiedDateTime,
    createdBy: identityJson(store, item.createdBy),
    lastModifiedBy: identityJson(store, item.lastModifiedBy),
    parentReference: { driveId: drive.id, driveType: drive.driveType, siteId: drive.siteId, id: `${drive.id}!root`, path: '/drive/root:' },
    file: { mimeType: item.mimeType },
  };
}

/** How /me/drive/recent lists an item that lives in someone else's drive. */
export function remoteItemJson(store: GraphStore, item: Item) {
  const inner = driveItemJson(store, item);
  return { id: item.id, name: item.name, webUrl: inner.webUrl, lastModifiedDateTime: item.lastModifiedDateTime, file: inner.file, remoteItem: inner };
}

export function siteJson(site: Site) {
  return {
    '@odata.type': '#microsoft.graph.site',
    id: site.id,
    name: site.name,
    displayName: site.displayName,
    description: site.description,
    webUrl: site.webUrl,
    createdDateTime: '2025-01-01T00:00:00Z',
    lastModifiedDateTime: '2026-11-01T09:00:00Z',
  };
}

export function sitePageJson(site: Site, page: Site['pages'][number], expandCanvas = false) {
  return {
    '@odata.type': '#microsoft.graph.sitePage',
    id: page.id,
    name: page.name,
    title: page.title,
    description: page.description,
    webUrl: page.webUrl,
    pageLayout: 'article',
    lastModifiedDateTime: page.lastModifiedDateTime,
    parentReference: { siteId: site.id },
    ...(expandCanvas
      ? { canvasLayout: { horizontalSections: [{ id: '1', layout: 'oneColumn', columns: [{ id: '1', width: 12, webparts: [{ '@odata.type': '#microsoft.graph.textWebPart', id: 'text-1', innerHtml: `<p>${escapeHtml(page.text)}</p>` }] }] }] } }
      : {}),
  };
}

export function listJson(site: Site, list: Site['lists'][number]) {
  return { '@odata.type': '#microsoft.graph.list', id: list.id, name: list.name, displayName: list.displayName, webUrl: list.webUrl, list: { template: 'genericList', hidden: false }, parentReference: { siteId: site.id } };
}

export function listItemJson(site: Site, list: Site['lists'][number], item: Site['lists'][number]['items'][number], withFields: boolean) {
  return {
    '@odata.type': '#microsoft.graph.listItem',
    id: item.id,
    webUrl: `${list.webUrl}/DispForm.aspx?ID=${item.id}`,
    lastModifiedDateTime: item.lastModifiedDateTime,
    parentReference: { siteId: site.id, id: list.id },
    ...(withFields ? { fields: { id: item.id, ...item.fields } } : {}),
  };
}

export function messageJson(mail: Mail) {
  return {
    id: mail.id,
    subject: mail.subject,
    receivedDateTime: mail.receivedDateTime,
    from: { emailAddress: mail.from },
    bodyPreview: mail.body.slice(0, 255),
    body: { contentType: 'text', content: mail.body },
  };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
