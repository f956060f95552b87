// delete_file: moves one of the user's files to the recycle bin. Risk
// "destructive": the policy always asks for approval first.
import { z } from 'zod/v4';
import { defineTool } from '../define-tool.js';
import type { ToolDefinition } from '../tool.js';
import { DRIVE_ID_PATTERN, driveItemPath, ITEM_ID_PATTERN } from './drive-item-path.js';
import { runAction, type GraphCaller } from './graph-caller.js';

export function deleteFileTool(graph: GraphCaller): ToolDefinition {
  const scopes = ['Files.ReadWrite'];
  return defineTool({
    name: 'delete_file',
    description: 'Delete one of the user\'s files (it goes to the recycle bin).',
    arguments: z.object({
      fileId: z.string().regex(new RegExp(ITEM_ID_PATTERN)).describe('Drive item id of the file.'),
      driveId: z.string().regex(new RegExp(DRIVE_ID_PATTERN)).describe('Drive id, when the file is not in the user\'s own OneDrive.').optional(),
    }),
    risk: 'destructive',
    scopes,
    roles: { fileId: 'target', driveId: 'target' },
    results: 'as-marked',
    run: (rawArgs, ctx) =>
      runAction('delete the file', async () => {
        const fileId = String(rawArgs.fileId);
        const driveId = typeof rawArgs.driveId === 'string' ? rawArgs.driveId : undefined;
        const path = await driveItemPath(graph, ctx, scopes, fileId, driveId);
        await graph.call(ctx, scopes, 'DELETE', path);
        return { content: 'The file was deleted.', untrusted: false, data: { fileId } };
      }),
  });
}
