// delete_file: moves one of the user's files to the recycle bin. Risk
// "destructive": the policy always asks for approval first.
import { z } from 'zod/v4';
import { defineTool } from '../define-tool.js';
import { GraphRequestError } from '../../graph/graph-errors.js';
import type { ToolContext, ToolDefinition } from '../tool.js';
import { DRIVE_ID_PATTERN, describeDriveItem, driveItemPath, ITEM_ID_PATTERN } from './drive-item-path.js';
import { runAction, type GraphCaller } from './graph-caller.js';

export function deleteFileTool(graph: GraphCaller): ToolDefinition {
  const scopes = ['Files.ReadWrite'];
  const target = (rawArgs: Record<string, unknown>) => ({ fileId: String(rawArgs.fileId), driveId: typeof rawArgs.driveId === 'string' ? rawArgs.driveId : undefined });
  const deleted = (fileId: string) => ({ content: 'The file was deleted.', untrusted: false, data: { fileId } });
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
        const { fileId, driveId } = target(rawArgs);
        const client = graph.client(ctx, scopes);
        await client.delete(await driveItemPath(client, fileId, driveId));
        return deleted(fileId);
      }),
    // A delete took effect when the item is gone (the id is never reused).
    reconcile: async (rawArgs, ctx: ToolContext) => {
      const { fileId, driveId } = target(rawArgs);
      try {
        await driveItemPath(graph.client(ctx, scopes), fileId, driveId, { mustExist: true });
        return { applied: false };
      } catch (err) {
        if (err instanceof GraphRequestError && err.failure === 'not-found') return { applied: true, result: deleted(fileId) };
        throw err;
      }
    },
    describeScopes: ['Files.Read.All'],
    describeTarget: (rawArgs, ctx) => {
      const { fileId, driveId } = target(rawArgs);
      return describeDriveItem(graph.client(ctx, ['Files.Read.All']), fileId, driveId);
    },
  });
}
