// Versions of what decides a turn, as short hashes of the files that ship with
// the code: the audit record of every turn and the Admin `status` command name
// them, so a turn can be tied to the exact policy and weights it ran with.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The local guard detectors' weights (loaded once with their modules, so hashed once). */
const weightFolders = ['../../guard/detectors/injection/models/', '../../guard/detectors/harm/models/'].map((p) => fileURLToPath(new URL(p, import.meta.url)));

export function fileVersion(path: string): string {
  try {
    return `sha256:${createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16)}`;
  } catch {
    return 'unreadable';
  }
}

/** One hash over every weights file (name and content, in name order). */
export function detectorWeightsVersion(folders: string[] = weightFolders): string {
  const hash = createHash('sha256');
  try {
    for (const folder of folders) {
      for (const name of readdirSync(folder).filter((n) => n.endsWith('.json')).sort()) {
        hash.update(`${name}\n`).update(readFileSync(`${folder}${name}`));
      }
    }
  } catch {
    return 'unreadable';
  }
  return `sha256:${hash.digest('hex').slice(0, 16)}`;
}
