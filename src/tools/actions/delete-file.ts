// delete_file: moves one of the user's files to the recycle bin. Risk
// "destructive": the policy always asks for approval first.
import { GraphRequestError } from '../../graph/graph-errors.js';
import type { ToolContext, ToolDefinition } from '../tool.js';
import { DRIVE_ID_PATTERN, describeDriveItem, driveItemPath, ITEM_ID_PATTERN } from './drive-item-path.js';
import { runAction, type GraphCaller } from './graph-caller.js';

export function deleteFileTool(graph: GraphCaller): ToolDefinition {
  const scopes = ['Files.ReadWrite'];
  const target = (rawArgs: Record<string, unknown>) => ({ fileId: String(rawArgs.fileId), driveId: typeof rawArgs.driveId === 'string' ? rawArgs.driveId : undefined });
  const deleted = (fileId: string) => ({ content: 'The file was deleted.', untrusted: false, data: { fileId } });
  return {
    name: 'delete_file',
    description: 'Delete one of the user\'s files (it goes to the recycle bin).',
    parameters: {
      type: 'object',
      properties: {
        fileId: { type: 'string', pattern: ITEM_ID_PATTERN, description: 'Drive item id of the file.' },
        driveId: { type: 'string', pattern: DRIVE_ID_PATTERN, description: 'Drive id, when the file is not in the user\'s own OneDrive.' },
      },
      required: ['fileId'],
      additionalProperties: false,
    },
    risk: 'destructive',
    scopes,
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
    describeTarget: (rawArgs, ctx) => {
      const { fileId, driveId } = target(rawArgs);
      return describeDriveItem(graph.client(ctx, ['Files.Read.All']), fileId, driveId);
    },
  };
}
