// Finds the Graph path of a drive item from its id. Items can live in the
// user's OneDrive or a site library; writes go to /drives/{driveId}/items/{id},
// which every Graph deployment serves, so the drive is looked up when not given.
import type { ToolContext } from '../tool.js';
import type { GraphCaller } from './graph-caller.js';

export const ITEM_ID_PATTERN = '^[A-Za-z0-9!._:-]{1,200}$';
export const DRIVE_ID_PATTERN = '^[A-Za-z0-9!._:,-]{1,200}$';

interface DriveItemRef {
  parentReference?: { driveId?: string };
}

/** /drives/{driveId}/items/{itemId}; without a driveId the item is looked up in the user's own drive. */
export async function driveItemPath(graph: GraphCaller, ctx: ToolContext, scopes: string[], itemId: string, driveId?: string): Promise<string> {
  let drive = driveId;
  if (!drive) {
    const item = await graph.call<DriveItemRef>(ctx, scopes, 'GET', `/me/drive/items/${encodeURIComponent(itemId)}?$select=id,parentReference`);
    drive = item.parentReference?.driveId;
    if (!drive) throw new Error('Graph returned a drive item without parentReference.driveId');
  }
  return `/drives/${encodeURIComponent(drive)}/items/${encodeURIComponent(itemId)}`;
}
