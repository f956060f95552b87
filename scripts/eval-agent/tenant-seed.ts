// Turns a scenario's seed section into the Graph emulator's seed format and
// finds the scenario's actor in the emulated directory.
import type { TurnActor } from '../../src/audit/turn-record.js';
import { defaultTenants, demoTenantId, type SeedUser } from '../../emulators/entra/seed.js';
import { siteIds, type GraphSeed } from '../../emulators/graph/graph-seed.js';
import type { Scenario } from './scenario-schema.js';

const sites = { finance: siteIds.finance, communications: siteIds.communications } as const;

export function graphSeedFor(scenario: Scenario): GraphSeed {
  return {
    files: scenario.seed.files.map((f) => ({
      ...(f.id ? { id: f.id } : {}),
      name: f.name,
      text: f.text,
      location: f.site ? { siteId: sites[f.site] } : { personalOf: f.owner ?? scenario.actor },
      ...(f.sharedWith ? { sharedWith: f.sharedWith.map((user) => ({ user, role: 'read' as const })) } : {}),
    })),
    mail: scenario.seed.mail.map((m) => ({ to: m.to ?? scenario.actor, from: m.from, subject: m.subject, body: m.body })),
    teams: scenario.seed.teams.map((t) => ({ id: t.id, displayName: t.displayName, members: t.members ?? [scenario.actor], channels: t.channels })),
  };
}

export function directoryUser(upn: string): SeedUser {
  const tenant = defaultTenants().find((t) => t.id === demoTenantId);
  const user = tenant?.users.find((u) => u.upn.toLowerCase() === upn.toLowerCase());
  if (!user) throw new Error(`scenario actor ${upn} is not a user of the emulated tenant`);
  return user;
}

/** The actor as the Teams channel would present it after sign-in. */
export function turnActorFor(user: SeedUser): TurnActor {
  return { userId: `29:${user.oid}`, aadObjectId: user.oid, tenantId: demoTenantId, roles: user.appRoles ?? ['User'] };
}
