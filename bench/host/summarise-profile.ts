// The top costs of a V8 CPU profile (.cpuprofile): self time by function and by module, and
// inclusive time by function (each function counted once per sample, however deep it recurses).
//   npx tsx bench/host/summarise-profile.ts FILE [--top 40] [--per N]
// With --per N the times are µs per request (N requests in the profiled window).
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const file = process.argv[2];
if (!file) throw new Error('usage: summarise-profile.ts FILE [--top 40] [--per N]');
const option = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const top = option('top', 40);
const per = option('per', 0);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

/** A short, stable name for where a function lives: the package, or the path under the project. */
function moduleOf(url: string): string {
  if (!url) return '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return url;
  const project = /\/((?:src|bench|tests|emulators|scripts)\/.*)$/.exec(url);
  return project ? project[1]! : url;
}
/** The file a function is in: its path inside the package or the project. */
const fileOf = (url: string) => /node_modules\/(.*)$/.exec(url)?.[1] ?? moduleOf(url);
const nameOf = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${fileOf(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

const selfByFunction = new Map<string, number>();
const selfByModule = new Map<string, number>();
const totalByFunction = new Map<string, number>();
const totalByModule = new Map<string, number>();
let total = 0;
const add = (map: Map<string, number>, key: string, us: number) => map.set(key, (map.get(key) ?? 0) + us);
profile.samples.forEach((id, i) => {
  const us = profile.timeDeltas[i + 1] ?? 0;
  total += us;
  const node = byId.get(id)!;
  add(selfByFunction, nameOf(node), us);
  add(selfByModule, moduleOf(node.callFrame.url), us);
  const seenFunctions = new Set<string>();
  const seenModules = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const n = byId.get(at)!;
    const name = nameOf(n);
    const mod = moduleOf(n.callFrame.url);
    if (!seenFunctions.has(name)) (seenFunctions.add(name), add(totalByFunction, name, us));
    if (!seenModules.has(mod)) (seenModules.add(mod), add(totalByModule, mod, us));
  }
});

/** The part of a turn a file belongs to (native frames count for the nearest caller that has a file). */
function componentOf(url: string): string | undefined {
  if (!url) return undefined;
  const inProject = !url.includes('node_modules');
  const project = inProject ? /\/src\/([a-z-]+)\//.exec(url) : null;
  if (project) {
    const area = project[1]!;
    if (area === 'guard') return 'guards';
    if (area === 'state') return 'state store (rate limits, policy generation, canaries)';
    if (area === 'audit') return 'audit record, hash chain and write';
    if (area === 'model') return 'offline model';
    if (area === 'host') return 'HTTP in (node:http, express, body, host checks)';
    return 'pipeline, prompt, tools, activity layer (other src/)';
  }
  if (/node_modules\/better-sqlite3\//.test(url)) return 'state store (rate limits, policy generation, canaries)';
  if (/node_modules\/(applicationinsights|@azure\/monitor|@azure\/opentelemetry)/.test(url)) return 'telemetry (Application Insights)';
  if (/node_modules\/(@microsoft\/agents-activity|zod)\//.test(url) || /agents-activity\/node_modules\/zod\//.test(url)) return 'activity schema (SDK, inbound)';
  if (/node_modules\/(@microsoft|@opentelemetry)\//.test(url)) return 'Agents SDK (adapter, app, turn context, tracing)';
  if (/^node:internal\/(process\/task_queues|timers)/.test(url)) return 'event loop (microtasks, immediates)';
  if (url.startsWith('node:') || /node_modules\/(express|router|body-parser|raw-body|iconv-lite|on-finished|type-is|content-type|etag|send|finalhandler|parseurl|path-to-regexp|depd|statuses|http-errors)\//.test(url)) return 'HTTP in (node:http, express, body, host checks)';
  return 'other';
}
const byComponent = new Map<string, number>();
profile.samples.forEach((id, i) => {
  const us = profile.timeDeltas[i + 1] ?? 0;
  const leaf = byId.get(id)!.callFrame.functionName;
  let component = leaf === '(idle)' ? 'idle' : leaf === '(garbage collector)' ? 'garbage collection' : undefined;
  // Node's own modules (node:crypto, node:fs, node:buffer) count for the nearest caller in a package or
  // the project; only work with no such caller above it (socket reads, timers) stays with Node.
  for (let at: number | undefined = id; component === undefined && at !== undefined; at = parent.get(at)) {
    const url = byId.get(at)!.callFrame.url;
    if (url && !url.startsWith('node:')) component = componentOf(url);
  }
  for (let at: number | undefined = id; component === undefined && at !== undefined; at = parent.get(at)) component = componentOf(byId.get(at)!.callFrame.url);
  // The SDK checks each reply against the activity schema again when it is sent; the output guard runs under checkOutput.
  const under = (name: string) => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) if (byId.get(at)!.callFrame.functionName === name) return true;
    return false;
  };
  if (component === 'activity schema (SDK, inbound)' && under('sendActivities')) component = 'SDK reply validation (activity schema on send)';
  if (component === 'guards') component = under('checkOutput') ? 'guards, output channel' : under('checkInput') ? 'guards, input channel' : 'guards (continuations)';
  add(byComponent, component ?? 'other', us);
});

const unit = per > 0 ? 'µs/request' : 'ms';
const show = (us: number) => (per > 0 ? (us / per).toFixed(1) : (us / 1000).toFixed(1));
function print(title: string, map: Map<string, number>) {
  console.log(`\n## ${title} (${unit}, % of ${show(total)})`);
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${show(us).padStart(9)} ${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}`);
}
print('time by component (idle included in the total)', byComponent);
print('self time by module', selfByModule);
print('inclusive time by module', totalByModule);
print('self time by function', selfByFunction);
print('inclusive time by function', totalByFunction);

// --tree NAME: the call tree under every function whose name contains NAME (merged), inclusive
// times, down to --depth levels, children under 1 % of the root left out.
const treeRoot = process.argv.includes('--tree') ? process.argv[process.argv.indexOf('--tree') + 1] : undefined;
if (treeRoot) {
  const depth = option('depth', 4);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0)));
  const inclusive = new Map<number, number>();
  const inclusiveOf = (id: number): number => {
    const known = inclusive.get(id);
    if (known !== undefined) return known;
    const n = byId.get(id)!;
    const us = (selfUs.get(id) ?? 0) + (n.children ?? []).reduce((sum, c) => sum + inclusiveOf(c), 0);
    inclusive.set(id, us);
    return us;
  };
  interface Merged {
    us: number;
    children: Map<string, Merged>;
  }
  const merge = (into: Merged, id: number, level: number) => {
    into.us += inclusiveOf(id);
    if (level >= depth) return;
    for (const c of byId.get(id)!.children ?? []) {
      const name = nameOf(byId.get(c)!);
      const child = into.children.get(name) ?? { us: 0, children: new Map() };
      into.children.set(name, child);
      merge(child, c, level + 1);
    }
  };
  const root: Merged = { us: 0, children: new Map() };
  // Outermost matches only, so recursion is not counted twice.
  const visit = (id: number, inside: boolean) => {
    const match = !inside && nameOf(byId.get(id)!).includes(treeRoot);
    if (match) merge(root, id, 0);
    for (const c of byId.get(id)!.children ?? []) visit(c, inside || match);
  };
  visit(profile.nodes[0]!.id, false);
  const printTree = (node: Merged, name: string, indent: string) => {
    console.log(`${show(node.us).padStart(9)}  ${indent}${name}`);
    for (const [childName, child] of [...node.children].sort((a, b) => b[1].us - a[1].us)) if (child.us >= root.us / 100) printTree(child, childName, `${indent}  `);
  };
  console.log(`\n## call tree under ${treeRoot} (${unit})`);
  printTree(root, treeRoot, '');
}
