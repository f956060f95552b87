// Teams Toolkit convention: env/.env.<name> holds non-secret settings and
// env/.env.<name>.user (git-ignored) the secrets. APP_ENV picks <name>; values
// already in the environment win, so a platform's settings override the files.
import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

export function loadEnvFiles(env: NodeJS.ProcessEnv, root = process.cwd()): string[] {
  const name = env.APP_ENV?.trim();
  if (!name) return [];
  if (!/^[a-z0-9-]{1,32}$/i.test(name)) throw new Error(`APP_ENV '${name}' is not a valid environment name (letters, digits, dashes)`);
  const loaded: string[] = [];
  for (const file of [`env/.env.${name}`, `env/.env.${name}.user`]) {
    const path = `${root}/${file}`;
    if (!existsSync(path)) continue;
    const values = parseEnv(readFileSync(path, 'utf8'));
    for (const [key, value] of Object.entries(values)) {
      if (env[key] === undefined && value !== undefined) env[key] = value;
    }
    loaded.push(file);
  }
  return loaded;
}
