// who_am_i: the signed-in user's profile and manager. User.Read suffices for
// both /me and /me/manager.
import { z } from 'zod/v4';
import { defineTool } from '../define-tool.js';
import type { ToolDefinition } from '../tool.js';
import { GraphRequestError } from '../../graph/graph-errors.js';
import { graphFor, withFriendlyFailures, type ReadToolDeps } from './read-tool-support.js';

interface GraphUser {
  id: string;
  displayName?: string;
  userPrincipalName?: string;
  jobTitle?: string | null;
  department?: string | null;
}

export function whoAmITool(deps: ReadToolDeps): ToolDefinition {
  const scopes = ['User.Read'];
  return defineTool({
    name: 'who_am_i',
    description: "Returns the signed-in user's name, account, job title, department and manager from Microsoft 365.",
    arguments: z.object({}),
    risk: 'read',
    scopes,
    results: 'as-marked',
    run: (_args, ctx) =>
      withFriendlyFailures('who_am_i', async () => {
        const graph = graphFor(deps, ctx, scopes);
        const me = await graph.get<GraphUser>('/me');
        let manager: GraphUser | undefined;
        try {
          manager = await graph.get<GraphUser>('/me/manager');
        } catch (err) {
          if (!(err instanceof GraphRequestError && err.failure === 'not-found')) throw err;
        }
        const lines = [
          `Name: ${me.displayName ?? 'unknown'}`,
          `Account: ${me.userPrincipalName ?? 'unknown'}`,
          `Job title: ${me.jobTitle ?? 'not set'}`,
          `Department: ${me.department ?? 'not set'}`,
          `Manager: ${manager ? `${manager.displayName ?? 'unknown'} (${manager.userPrincipalName ?? ''})` : 'none listed'}`,
        ];
        return { content: lines.join('\n'), untrusted: true, zone: 'internal', data: { me, manager } };
      }),
  });
}
