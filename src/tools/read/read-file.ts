// read_file: the text of one file the user can open (plain text, Word, Excel,
// PowerPoint, PDF), capped in size. Accepts a bare drive item id; the drive is
// taken from earlier search/recent results or the user's own OneDrive.
import { z } from 'zod/v4';
import { defineTool } from '../define-tool.js';
import type { ToolDefinition } from '../tool.js';
import { extractText } from '../../graph/text-extraction.js';
import { graphFor, requireText, ToolArgumentError, userKeyOf, withFriendlyFailures, zoneOf, type GraphParentReference, type ItemLocations, type ReadToolDeps } from './read-tool-support.js';

interface DriveItem {
  id: string;
  name: string;
  size?: number;
  webUrl?: string;
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
    description: 'Reads the text of one file the signed-in user can open, by the fileId from search_files or list_recent_files.',
    arguments: z.object({
      fileId: z.string().min(1).max(200).describe('The fileId (drive item id) from search_files or list_recent_files'),
      driveId: z.string().max(200).describe('Optional drive id of the file').optional(),
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
        const item = await graph.get<DriveItem>(base);
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
        return { content: `${header}\n---\n${body}${tail}`, untrusted: true, zone, data: { id: item.id, name: item.name, webUrl: item.webUrl, format: extracted.format, truncated: extracted.truncated } };
      }),
  });
}
