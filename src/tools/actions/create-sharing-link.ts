// create_sharing_link: makes a view link to a file. Risk "external": a link lets
// data leave the user; the policy refuses anonymous links and outside recipients.
import { z } from 'zod/v4';
import { defineTool, emailAddress } from '../define-tool.js';
import type { ToolDefinition } from '../tool.js';
import { DRIVE_ID_PATTERN, describeDriveItem, driveItemPath, ITEM_ID_PATTERN } from './drive-item-path.js';
import { runAction, type GraphCaller } from './graph-caller.js';

interface SharingLinkArgs {
  fileId: string;
  driveId?: string;
  scope: 'organization' | 'anonymous' | 'users';
  recipients?: string[];
}

interface GraphPermission {
  id?: string;
  link?: { webUrl?: string; scope?: string; type?: string };
}

export function createSharingLinkTool(graph: GraphCaller): ToolDefinition {
  const scopes = ['Files.ReadWrite'];
  return defineTool({
    name: 'create_sharing_link',
    description: 'Create a view-only sharing link for one of the user\'s files. scope "organization": anyone in the organisation; "users": only the listed recipients; "anonymous": anyone with the link.',
    arguments: z.object({
      fileId: z.string().regex(new RegExp(ITEM_ID_PATTERN)).describe('Drive item id of the file.'),
      driveId: z.string().regex(new RegExp(DRIVE_ID_PATTERN)).describe('Drive id, when the file is not in the user\'s own OneDrive.').optional(),
      scope: z.enum(['organization', 'anonymous', 'users']),
      recipients: z.array(emailAddress()).min(1).max(20).describe('Required when scope is "users".').optional(),
    }),
    risk: 'external',
    scopes,
    // The link delivers the file itself; no argument carries content.
    roles: { fileId: 'target', driveId: 'target', scope: 'link-scope', recipients: 'recipient' },
    // Its own text, except the link URL, which it marks untrusted.
    results: 'as-marked',
    run: (rawArgs, ctx) =>
      runAction('create the sharing link', async () => {
        const args = rawArgs as unknown as SharingLinkArgs;
        if (args.scope === 'users' && (!args.recipients || args.recipients.length === 0)) {
          return { content: 'Could not create the link: scope "users" needs at least one recipient.', untrusted: false };
        }
        const body: Record<string, unknown> = { type: 'view', scope: args.scope };
        if (args.scope === 'users') body.recipients = args.recipients?.map((email) => ({ email }));
        const client = graph.client(ctx, scopes);
        const path = await driveItemPath(client, args.fileId, args.driveId);
        // Graph returns the existing link when the app asks again for the same kind of link: safe to retry.
        const permission = await client.post<GraphPermission>(`${path}/createLink`, body, { idempotent: true });
        const url = permission.link?.webUrl ?? '';
        // The URL comes from the service, so it is data, not instructions.
        return { content: `Sharing link (${args.scope}) created: ${url}`, untrusted: true, data: { permissionId: permission.id, webUrl: url, scope: args.scope } };
      }),
    // Asking again returns the link an interrupted attempt created, so running it again is the check.
    reconcile: async () => ({ applied: false }),
    describeScopes: ['Files.Read.All'],
    describeTarget: (args, ctx) => describeDriveItem(graph.client(ctx, ['Files.Read.All']), String(args.fileId), typeof args.driveId === 'string' ? args.driveId : undefined),
  });
}
