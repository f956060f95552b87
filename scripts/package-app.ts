// Builds the Teams / Microsoft 365 app package: appPackage/manifest.json with its
// ${{VAR}} placeholders filled from env/.env.<env> (+ env/.env.<env>.user), checked
// against the official manifest JSON schema shipped in @microsoft/app-manifest,
// zipped with the two icons into appPackage/build/appPackage.<env>.zip.
//
//   npm run package                 # env "local"
//   npm run package -- --env dev
//   npm run package -- --env dev --root ../my-fork   (another project folder)
//
// The same placeholder rules as the Agents Toolkit: a variable set in the shell
// wins over the env files. Unlike the toolkit, a missing or empty variable (other
// than APP_NAME_SUFFIX) is an error here: a package with a literal ${{BOT_ID}}
// or an empty id cannot be sideloaded.
import AdmZip from 'adm-zip';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, parseEnv } from 'node:util';
import { PNG } from 'pngjs';

// Both are CommonJS; under NodeNext the class and plugin are on `.default`.
const AjvDraft04 = ajvDraft04.default;
const addFormats = ajvFormats.default;

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** `${{NAME}}`, the Agents Toolkit placeholder form. Bounded name, no nested quantifiers. */
const placeholderPattern = /\$\{\{\s{0,4}([A-Za-z_][A-Za-z0-9_]{0,127})\s{0,4}\}\}/g;
const envNamePattern = /^[a-z0-9][a-z0-9-]{0,31}$/i;

export const iconSizes = { color: 192, outline: 32 } as const;

/** Placeholders that may be blank on purpose (a production app has no name suffix). */
export const mayBeEmpty: ReadonlySet<string> = new Set(['APP_NAME_SUFFIX']);

export class AppPackageError extends Error {
  constructor(message: string, readonly problems: string[] = []) {
    super(problems.length > 0 ? `${message}\n${problems.map((p) => `  - ${p}`).join('\n')}` : message);
    this.name = 'AppPackageError';
  }
}

/** Reads env/.env.<env> then env/.env.<env>.user (secrets); later files win, as in the toolkit. */
export function readEnvFiles(env: string, root = repoRoot): { values: Record<string, string>; files: string[] } {
  if (!envNamePattern.test(env)) throw new AppPackageError(`'${env}' is not an environment name: use letters, digits and dashes, e.g. --env local`);
  const values: Record<string, string> = {};
  const files: string[] = [];
  for (const file of [`env/.env.${env}`, `env/.env.${env}.user`]) {
    const path = join(root, file);
    if (!existsSync(path)) continue;
    for (const [key, value] of Object.entries(parseEnv(readFileSync(path, 'utf8')))) {
      if (value !== undefined) values[key] = value;
    }
    files.push(file);
  }
  if (files.length === 0) throw new AppPackageError(`No env/.env.${env} file: create it from another env/.env.* template or pick an existing environment with --env.`);
  return { values, files };
}

/** Names of all placeholders in a text, in order of first use. */
export function placeholderNames(text: string): string[] {
  return [...new Set([...text.matchAll(placeholderPattern)].map((m) => m[1]!))];
}

/**
 * Replaces placeholders inside a JSON text. Values are JSON-escaped because every
 * placeholder sits inside a JSON string; a missing or blank value is reported, not guessed
 * (blank is fine only for the names in `mayBeEmpty`).
 */
export function substituteJsonPlaceholders(text: string, values: Readonly<Record<string, string | undefined>>): { text: string; unresolved: string[] } {
  const unresolved = new Set<string>();
  const out = text.replace(placeholderPattern, (whole, name: string) => {
    const value = values[name];
    if (value === undefined || (value.trim() === '' && !mayBeEmpty.has(name))) {
      unresolved.add(name);
      return whole;
    }
    return JSON.stringify(value).slice(1, -1);
  });
  return { text: out, unresolved: [...unresolved] };
}

type Manifest = Record<string, unknown> & {
  manifestVersion?: unknown;
  $schema?: unknown;
  bots?: Array<{ botId?: unknown; scopes?: unknown }>;
  copilotAgents?: { customEngineAgents?: Array<{ id?: unknown; type?: unknown }> };
  webApplicationInfo?: { id?: unknown; resource?: unknown };
  icons?: { color?: unknown; outline?: unknown };
};

/** Path of the official schema for the manifest version, from the installed @microsoft/app-manifest. */
export function manifestSchemaPath(manifest: Manifest): string {
  const version = manifest.manifestVersion;
  if (typeof version !== 'string' || !/^(\d{1,2}\.\d{1,2}|devPreview)$/.test(version)) {
    throw new AppPackageError(`manifest.json: manifestVersion must be a string such as "1.25" (got ${JSON.stringify(version)})`);
  }
  const folder = version === 'devPreview' ? 'vDevPreview' : `v${version}`;
  if (typeof manifest.$schema === 'string' && !manifest.$schema.toLowerCase().includes(`/${folder.toLowerCase()}/`)) {
    throw new AppPackageError(`manifest.json: $schema (${manifest.$schema}) does not match manifestVersion ${version}`);
  }
  const packageJson = createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json');
  const path = join(dirname(packageJson), 'build', 'json-schemas', 'teams', folder, 'MicrosoftTeams.schema.json');
  if (!existsSync(path)) throw new AppPackageError(`No schema for manifestVersion ${version} in @microsoft/app-manifest (looked for ${path}); update the package or use a listed version.`);
  return path;
}

const validators = new Map<string, (data: unknown) => string[]>();

/** Validates against the official JSON schema of the declared version; returns readable problems. */
export function validateManifestSchema(manifest: Manifest): string[] {
  const path = manifestSchemaPath(manifest);
  let validate = validators.get(path);
  if (!validate) {
    // The Teams schemas are draft-04; same Ajv setup as the toolkit's own validator.
    const ajv = new AjvDraft04({ allErrors: true, strictTypes: false, strict: false });
    addFormats(ajv, ['uri', 'email', 'regex']);
    const compiled = ajv.compile(JSON.parse(readFileSync(path, 'utf8')) as object);
    validate = (data) => (compiled(data) ? [] : (compiled.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'} ${e.params ? JSON.stringify(e.params) : ''}`.trim()));
    validators.set(path, validate);
  }
  return validate(manifest);
}

/** Cross-field rules the schema cannot express: one bot id everywhere it must appear. */
export function checkBotConsistency(manifest: Manifest): string[] {
  const problems: string[] = [];
  const bots = manifest.bots ?? [];
  if (bots.length !== 1) return [`expected exactly one bot, found ${bots.length}`];
  const botId = bots[0]!.botId;
  const scopes = Array.isArray(bots[0]!.scopes) ? (bots[0]!.scopes as unknown[]) : [];
  const agents = manifest.copilotAgents?.customEngineAgents ?? [];
  if (agents.length !== 1 || agents[0]!.type !== 'bot' || agents[0]!.id !== botId) {
    problems.push('copilotAgents.customEngineAgents must hold one agent of type "bot" whose id is the bot id');
  }
  if (!scopes.includes('personal')) problems.push('a custom engine agent needs the bot to have the personal scope');
  // The agent validates SSO tokens for its own app (src/identity): the bot's app is the SSO app.
  const sso = manifest.webApplicationInfo;
  if (!sso || sso.id !== botId || sso.resource !== `api://botid-${String(botId)}`) {
    problems.push('webApplicationInfo must name the bot app: id <bot id>, resource api://botid-<bot id>');
  }
  return problems;
}

/** Icons exist, are PNGs of the required size and, for the outline, white on transparent. */
export function checkIcons(manifest: Manifest, appPackageDir: string): string[] {
  const problems: string[] = [];
  for (const kind of ['color', 'outline'] as const) {
    const file = manifest.icons?.[kind];
    if (typeof file !== 'string') {
      problems.push(`icons.${kind} is missing`);
      continue;
    }
    const path = join(appPackageDir, file);
    if (!existsSync(path)) {
      problems.push(`icons.${kind}: ${file} not found in ${appPackageDir}`);
      continue;
    }
    let png: PNG;
    try {
      png = PNG.sync.read(readFileSync(path));
    } catch (err) {
      problems.push(`icons.${kind}: ${file} is not a readable PNG (${(err as Error).message})`);
      continue;
    }
    const size = iconSizes[kind];
    if (png.width !== size || png.height !== size) problems.push(`icons.${kind}: ${file} is ${png.width}×${png.height}, expected ${size}×${size}`);
    if (kind === 'outline') {
      for (let i = 0; i < png.data.length; i += 4) {
        const visible = png.data[i + 3]! > 0;
        if (visible && (png.data[i] !== 255 || png.data[i + 1] !== 255 || png.data[i + 2] !== 255)) {
          problems.push(`icons.outline: ${file} must be white on a transparent background`);
          break;
        }
      }
    }
  }
  return problems;
}

export interface BuildResult {
  zipPath: string;
  manifest: Manifest;
  envFiles: string[];
}

export interface BuildOptions {
  env: string;
  root?: string;
  /** Variables that win over the env files (the CLI passes the shell environment). */
  overrides?: Readonly<Record<string, string | undefined>>;
}

/** Substitutes, validates and zips. Throws AppPackageError listing every problem found. */
export function buildAppPackage(options: BuildOptions): BuildResult {
  const root = options.root ?? repoRoot;
  const appPackageDir = join(root, 'appPackage');
  const { values, files } = readEnvFiles(options.env, root);
  const manifestPath = join(appPackageDir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new AppPackageError(`No app manifest at ${manifestPath}: run from the project folder or pass --root.`);
  const template = readFileSync(manifestPath, 'utf8');
  const merged: Record<string, string | undefined> = { ...values };
  for (const name of placeholderNames(template)) {
    const override = options.overrides?.[name];
    if (override !== undefined && override.trim() !== '') merged[name] = override;
  }
  const { text, unresolved } = substituteJsonPlaceholders(template, merged);
  if (unresolved.length > 0) {
    throw new AppPackageError(
      `appPackage/manifest.json uses variables that are missing or empty in ${files.join(' + ')}. ` +
        `Run the toolkit's provision for '${options.env}' (it writes them) or set them in env/.env.${options.env}:`,
      unresolved,
    );
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text) as Manifest;
  } catch (err) {
    throw new AppPackageError(`appPackage/manifest.json is not valid JSON after substitution: ${(err as Error).message}`);
  }
  const problems = [
    ...validateManifestSchema(manifest).map((p) => `schema: ${p}`),
    ...checkBotConsistency(manifest),
    ...checkIcons(manifest, appPackageDir),
  ];
  if (problems.length > 0) throw new AppPackageError(`The app package for '${options.env}' is not valid:`, problems);

  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8'));
  for (const icon of new Set([manifest.icons!.color as string, manifest.icons!.outline as string])) {
    zip.addFile(icon, readFileSync(join(appPackageDir, icon)));
  }
  const outDir = join(appPackageDir, 'build');
  mkdirSync(outDir, { recursive: true });
  const zipPath = join(outDir, `appPackage.${options.env}.zip`);
  // Write then rename, so a sideload never picks up a half-written zip.
  writeFileSync(`${zipPath}.tmp`, zip.toBuffer());
  renameSync(`${zipPath}.tmp`, zipPath);
  return { zipPath, manifest, envFiles: files };
}

function main(): void {
  let args;
  try {
    args = parseArgs({ options: { env: { type: 'string', short: 'e', default: 'local' }, root: { type: 'string' } }, allowPositionals: false }).values;
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\nUsage: npm run package -- [--env <name>] [--root <project folder>]\n`);
    process.exit(1);
  }
  try {
    const result = buildAppPackage({ env: args.env!, root: args.root ? resolve(args.root) : repoRoot, overrides: process.env });
    process.stdout.write(`App package written to ${result.zipPath} (from ${result.envFiles.join(' + ')})\n`);
  } catch (err) {
    if (err instanceof AppPackageError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) main();
