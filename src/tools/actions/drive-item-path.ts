// Finds the Graph path of a drive item from its id. Items can live in the
// user's OneDrive or a site library; writes go to /drives/{driveId}/items/{id},
// which every Graph deployment serves, so the drive is looked up when not given.
import type { GraphClient } from '../../graph/graph-client.js';

export const ITEM_ID_PATTERN = '^[A-Za-z0-9!._:-]{1,200}$';
export const DRIVE_ID_PATTERN = '^[A-Za-z0-9!._:,-]{1,200}$';

interface DriveItemRef {
  name?: string;
  webUrl?: string;
  parentReference?: { driveId?: string; path?: string; siteId?: string };
}

const itemPath = (drive: string, itemId: string) => `/drives/${encodeURIComponent(drive)}/items/${encodeURIComponent(itemId)}`;

/**
 * /drives/{driveId}/items/{itemId}; without a driveId the item is looked up in the user's own drive.
 * `mustExist` also reads it when the drive is given (a not-found then means the item is gone).
 */
export async function driveItemPath(graph: GraphClient, itemId: string, driveId?: string, opts: { mustExist?: boolean } = {}): Promise<string> {
  let drive = driveId;
  if (!drive) {
    const item = await graph.get<DriveItemRef>(`/me/drive/items/${encodeURIComponent(itemId)}?$select=id,parentReference`);
    drive = item.parentReference?.driveId;
    if (!drive) throw new Error('Graph returned a drive item without parentReference.driveId');
  } else if (opts.mustExist) {
    await graph.get<DriveItemRef>(`${itemPath(drive, itemId)}?$select=id`);
  }
  return itemPath(drive, itemId);
}

/** Name, folder and site of a drive item as Graph reports them (for the approval card); undefined when it cannot be read. */
export async function describeDriveItem(graph: GraphClient, itemId: string, driveId?: string): Promise<Record<string, string> | undefined> {
  const path = driveId ? itemPath(driveId, itemId) : `/me/drive/items/${encodeURIComponent(itemId)}`;
  const item = await graph.get<DriveItemRef>(`${path}?$select=id,name,webUrl,parentReference`);
  if (typeof item.name !== 'string') return undefined;
  const folder = item.parentReference?.path?.replace(/^\/drives?\/[^:]{0,300}:/, '');
  return {
    name: item.name.slice(0, 200),
    ...(folder ? { folder: folder.slice(0, 200) } : { folder: '/' }),
    ...(typeof item.webUrl === 'string' ? { location: siteOf(item.webUrl) } : {}),
  };
}

/** The site or OneDrive part of an item's web URL (host and first two path segments), not the file's own URL. */
function siteOf(webUrl: string): string {
  try {
    const url = new URL(webUrl);
    return `${url.host}${url.pathname.split('/').slice(0, 3).join('/')}`.slice(0, 200);
  } catch {
    return '';
  }
}
