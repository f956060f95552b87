// read_file: the text of one file the user can open (plain text, Word, Excel,
// PowerPoint, PDF), capped in size. A file in a SharePoint site library lives
// in that site's drive: the driveId search/recent returned is used (given by
// the model, or remembered from those results); only without one is the item
// looked up in the user's own OneDrive.
import { z } from 'zod/v4';
import { defineTool } from '../define-tool.js';
import type { ToolDefinition } from '../tool.js';
import { GraphRequestError } from '../../graph/graph-errors.js';
import { extractText } from '../../graph/text-extraction.js';
import { graphFor, requireText, ToolArgumentError, userKeyOf, withFriendlyFailures, zoneOf, type GraphParentReference, type ItemLocations, type ReadToolDeps } from './read-tool-support.js';

interface DriveItem {
  id: string;
  name: string;
  size?: number;
  webUrl?: string;
  lastModifiedDateTime?: string;
  file?: { mimeType?: string };
  folder?: unknown;
  parentReference?: GraphParentReference;
}

const idPattern = /^[A-Za-z0-9!_.-]{1,200}$/;

export function readFileTool(deps: ReadToolDeps, locations: ItemLocations): ToolDefinition {
  // Files.Read.All: the file may be shared with the user or live in a SharePoint library.
  const scopes = ['Files.Read.All'];
  return defineTool({
    name: 'read_file',
    description: 'Reads the text of one file the signed-in user can open, by the fileId (and the driveId, when given) from search_files or list_recent_files.',
    arguments: z.object({
      fileId: z.string().min(1).max(200).describe('The fileId (drive item id) from search_files or list_recent_files'),
      driveId: z.string().max(200).describe('The driveId search_files or list_recent_files gave with the fileId (needed for files in SharePoint sites)').optional(),
    }),
    risk: 'read',
    scopes,
    // fileId stays "other": reading a file a document names is allowed (its content stays untrusted).
    results: 'as-marked',
    run: (args, ctx) =>
      withFriendlyFailures('read_file', async () => {
        const fileId = requireText(args, 'fileId', 200);
        const givenDrive = typeof args.driveId === 'string' && args.driveId.trim() ? args.driveId.trim() : undefined;
        if (!idPattern.test(fileId) || (givenDrive && !idPattern.test(givenDrive))) throw new ToolArgumentError('fileId and driveId must be Graph ids (letters, digits, ! _ . -).');
        const driveId = givenDrive ?? (await locations.driveOf(userKeyOf(ctx), fileId));
        const base = driveId ? `/drives/${encodeURIComponent(driveId)}/items/${encodeURIComponent(fileId)}` : `/me/drive/items/${encodeURIComponent(fileId)}`;
        const graph = graphFor(deps, ctx, scopes);
        const item = await graph.get<DriveItem>(base).catch((err: unknown) => {
          // Not in the user's OneDrive and no drive known: say what would find it, not just "not found".
          if (!driveId && err instanceof GraphRequestError && err.failure === 'not-found') throw new ToolArgumentError(`no such file in your OneDrive. A file in a SharePoint site needs its driveId: search for the file first and pass the driveId the search gave.`);
          throw err;
        });
        if (item.folder || !item.file) return { content: `read_file: ${item.name} is a folder, not a file.`, untrusted: true };
        const zone = zoneOf(deps, item.parentReference);
        if (!deps.zones.reachable(zone)) {
          return { content: `read_file: this file is in the ${zone} zone, which this agent is not allowed to read.`, untrusted: false, data: { error: 'zone_not_reachable', zone } };
        }
        if ((item.size ?? 0) > deps.maxFileBytes) {
          return { content: `read_file: ${item.name} is ${item.size} bytes, more than the ${deps.maxFileBytes} bytes this agent reads.`, untrusted: true, zone, data: { error: 'too_large' } };
        }
        const { bytes, contentType } = await graph.getBytes(`${base}/content`, deps.maxFileBytes);
        const extracted = await extractText({ bytes, name: item.name, mimeType: item.file.mimeType ?? contentType, maxChars: deps.maxTextChars });
        const header = `File: ${item.name} (zone: ${zone})`;
        if (extracted.format === 'unsupported') return { content: `${header}\n${extracted.note ?? 'No text could be extracted.'}`, untrusted: true, zone, data: { id: item.id, format: extracted.format } };
        const body = extracted.text || '(the file has no text)';
        const tail = extracted.truncated ? `\n[truncated after ${deps.maxTextChars} characters]` : '';
        const source = { kind: 'file' as const, id: item.id, name: item.name, webUrl: item.webUrl, zone, modified: item.lastModifiedDateTime, read: true };
        return { content: `${header}\n---\n${body}${tail}`, untrusted: true, zone, data: { id: item.id, name: item.name, webUrl: item.webUrl, format: extracted.format, truncated: extracted.truncated }, sources: [source] };
      }),
  });
}
