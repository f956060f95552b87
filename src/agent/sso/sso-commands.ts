// Identity commands for the agent: "sign out", and a wrapper that lets only
// holders of an app role run a command (audit views: Auditor, policy reload: Admin).
import type { TurnContext } from '@microsoft/agents-hosting';
import { hasRole, type AppRole } from '../../identity/app-roles.js';
import { RoleRequiredError } from '../../identity/identity-errors.js';
import { actorFromActivity } from '../activity-actor.js';
import { noteTurn } from '../activity-audit.js';
import type { AgentCommand } from '../agent-app.js';
import type { UserTokenBroker } from './user-token-broker.js';

export function signOutCommand(broker: Pick<UserTokenBroker, 'signOut'>): AgentCommand {
  return {
    names: ['sign out', 'signout', 'logout', 'log out'],
    description: 'Forget your sign-in and every token the agent holds for you',
    async run(context) {
      const { signedOut, everywhere } = await broker.signOut(actorFromActivity(context.activity));
      const text = signedOut ? 'You are signed out. I no longer hold any token for you.' : 'You were not signed in.';
      // Said plainly when the other instances could not be told (the state store failed).
      await context.sendActivity(everywhere ? text : `${text} I could not reach my shared store, so a sign-in made elsewhere may stay usable for up to an hour.`);
    },
  };
}

/** Runs the command only for users whose token carries the role; others get a clear refusal. */
export function requireRoleForCommand(command: AgentCommand, role: AppRole, rolesOf: (context: TurnContext) => readonly string[] | Promise<readonly string[]>, action = command.description.toLowerCase()): AgentCommand {
  return {
    ...command,
    async run(context) {
      if (!hasRole({ roles: await rolesOf(context) }, role)) {
        noteTurn(context, { outcome: 'denied', result: `role-required:${role}` });
        await context.sendActivity(new RoleRequiredError(role, action).message);
        return;
      }
      await command.run(context);
    },
  };
}
