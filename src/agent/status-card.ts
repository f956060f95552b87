// The Admin's `status` view as an Adaptive Card: what this instance runs
// (model, prompt, policies, detector weights, by version hash), the kill-switch
// mode, the last policy reload, and where its shared state lives.
import type { Attachment } from '@microsoft/agents-activity';
import type { ModeState } from './agent-mode.js';
import type { PolicyReload, PolicyVersions } from './wiring/policy-generation.js';

export interface AgentStatus {
  instanceId: string;
  uptimeSec: number;
  model: { provider: string; deployment: string; apiVersion?: string; host?: string };
  /** The model version the service last answered with, if it answered since start-up. */
  modelVersion?: string;
  systemPrompt: string;
  versions: PolicyVersions;
  mode: ModeState;
  /** Seconds within which every instance applies a mode switch. */
  modeCacheSec: number;
  lastReload?: PolicyReload;
  stateBackend: string;
}

const who = (by: { userId: string; aadObjectId?: string; name?: string }) => `${by.name ? `${by.name} ` : ''}(${by.aadObjectId ?? by.userId})`;

function uptimeText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const [d, h, m] = [Math.floor(s / 86_400), Math.floor((s % 86_400) / 3600), Math.floor((s % 3600) / 60)];
  return d > 0 ? `${d} d ${h} h ${m} min` : h > 0 ? `${h} h ${m} min` : `${m} min ${s % 60} s`;
}

function modeText(mode: ModeState, cacheSec: number): string {
  const parts: string[] = [mode.mode];
  if (mode.change) parts.push(`shared mode ${mode.shared}, set by ${who(mode.change.by)} at ${mode.change.at}${mode.change.reason ? `: ${mode.change.reason}` : ''}`);
  if (mode.floor !== 'normal') parts.push(`AGENT_MODE setting holds this instance at ${mode.floor}`);
  if (!mode.fresh) parts.push('the shared store did not answer: last known mode');
  parts.push(`a switch reaches every instance within ${cacheSec} s`);
  return parts.join(' · ');
}

function changeText(name: string, before: string | undefined, after: string | undefined): string {
  return before === after ? `${name} unchanged (${after ?? '?'})` : `${name} ${before ?? '?'} → ${after ?? '?'}`;
}

function reloadText(reload: PolicyReload | undefined): string {
  if (!reload) return 'none since the store was created';
  const changes = [
    changeText('guard policy', reload.previous.guardPolicy, reload.next.guardPolicy),
    changeText('tool policy', reload.previous.toolPolicy, reload.next.toolPolicy),
  ];
  return `${reload.at} by ${who(reload.by)}${reload.generation ? ` (generation ${reload.generation})` : ''}: ${changes.join('; ')}`;
}

export function buildStatusCard(status: AgentStatus): Attachment {
  const { model, versions } = status;
  const facts = [
    { title: 'Mode', value: modeText(status.mode, status.modeCacheSec) },
    { title: 'Instance', value: `${status.instanceId} · up ${uptimeText(status.uptimeSec)}` },
    {
      title: 'Model',
      value: [model.provider, `deployment ${model.deployment}`, model.apiVersion ? `API ${model.apiVersion}` : '', `version ${status.modelVersion ?? 'not reported yet'}`, model.host ?? ''].filter(Boolean).join(' · '),
    },
    { title: 'System prompt', value: status.systemPrompt },
    { title: 'Guard policy', value: versions.guardPolicy ?? '?' },
    { title: 'Tool policy', value: versions.toolPolicy ?? '?' },
    { title: 'Detector weights', value: versions.detectorWeights ?? '?' },
    { title: 'Last policy reload', value: reloadText(status.lastReload) },
    { title: 'State store', value: status.stateBackend },
  ];
  return {
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      body: [
        { type: 'TextBlock', text: 'Agent status', weight: 'Bolder', size: 'Medium', wrap: true },
        { type: 'FactSet', facts },
      ],
    },
  };
}
