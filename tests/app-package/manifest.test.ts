// The Teams / Microsoft 365 app manifest as a user's tenant will see it: placeholders
// filled, valid against the official schema of the version it declares, one bot id
// everywhere, icons Teams accepts.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { PNG } from 'pngjs';
import {
  checkBotConsistency,
  checkIcons,
  manifestSchemaPath,
  placeholderNames,
  repoRoot,
  substituteJsonPlaceholders,
  validateManifestSchema,
} from '../../scripts/package-app.js';
import { drawColorIcon, drawOutlineIcon } from '../../scripts/generate-icons.js';

const appPackageDir = join(repoRoot, 'appPackage');
const template = readFileSync(join(appPackageDir, 'manifest.json'), 'utf8');

// Stand-ins for the values provision writes; everything else comes from env/.env.local.
const testValues: Record<string, string> = {
  TEAMS_APP_ID: '11111111-2222-4333-8444-555555555555',
  BOT_ID: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
  BOT_DOMAIN: 'agent-tunnel.example.net',
};

function envFile(name: string): Record<string, string> {
  return parseEnv(readFileSync(join(repoRoot, 'env', name), 'utf8')) as Record<string, string>;
}

function renderedManifest(): Record<string, any> {
  const values: Record<string, string> = { ...envFile('.env.local') };
  for (const [k, v] of Object.entries(testValues)) if (!values[k]) values[k] = v;
  const { text, unresolved } = substituteJsonPlaceholders(template, values);
  assert.deepEqual(unresolved, []);
  assert.ok(!text.includes('${{'), 'no placeholder may survive substitution');
  return JSON.parse(text);
}

function readPng(file: string): PNG {
  return PNG.sync.read(readFileSync(join(appPackageDir, file)));
}

function alphaAt(png: PNG, x: number, y: number): number {
  return png.data[(y * png.width + x) * 4 + 3]!;
}

describe('app package: manifest.json', () => {
  it('uses the Agents Toolkit ${{VAR}} placeholders, each declared in every toolkit env that packages it', () => {
    const names = placeholderNames(template);
    assert.deepEqual(new Set(names), new Set(['TEAMS_APP_ID', 'APP_NAME', 'APP_SHORT_NAME', 'APP_WEBSITE_URL', 'APP_NAME_SUFFIX', 'BOT_ID', 'BOT_DOMAIN']));
    for (const file of ['.env.local', '.env.dev']) {
      const declared = Object.keys(envFile(file));
      for (const name of names) assert.ok(declared.includes(name), `${name} is not declared in env/${file}`);
    }
  });

  it('declares a current schema version (1.22 or later) whose official schema ships with @microsoft/app-manifest', () => {
    const manifest = renderedManifest();
    const [major, minor] = String(manifest.manifestVersion).split('.').map(Number);
    assert.equal(major, 1);
    assert.ok(minor! >= 22, `manifestVersion ${manifest.manifestVersion} is older than 1.22`);
    assert.equal(manifest.$schema, `https://developer.microsoft.com/en-us/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
    assert.match(manifestSchemaPath(manifest), /@microsoft[\\/]app-manifest[\\/]build[\\/]json-schemas[\\/]teams[\\/]v1\.\d+[\\/]MicrosoftTeams\.schema\.json$/);
  });

  it('is valid against the official JSON schema of the version it declares', () => {
    assert.deepEqual(validateManifestSchema(renderedManifest()), []);
  });

  it('schema validation catches what Teams would reject (so the check above is not vacuous)', () => {
    const noDeveloper = renderedManifest();
    delete noDeveloper.developer;
    assert.ok(validateManifestSchema(noDeveloper).some((p) => p.includes('developer')));

    const badBotId = renderedManifest();
    badBotId.bots[0].botId = 'not-a-guid';
    assert.ok(validateManifestSchema(badBotId).some((p) => p.startsWith('/bots/0/botId')));

    const longShortName = renderedManifest();
    longShortName.name.short = 'x'.repeat(31);
    assert.ok(validateManifestSchema(longShortName).some((p) => p.startsWith('/name/short')));

    const mismatched = renderedManifest();
    mismatched.manifestVersion = '1.22';
    assert.throws(() => manifestSchemaPath(mismatched), /does not match manifestVersion/);
  });

  it('has one bot in personal, team and group chat scopes with the documented commands', () => {
    const manifest = renderedManifest();
    assert.equal(manifest.bots.length, 1);
    const bot = manifest.bots[0];
    assert.deepEqual([...bot.scopes].sort(), ['groupChat', 'personal', 'team']);
    const personal = bot.commandLists.find((l: { scopes: string[] }) => l.scopes.includes('personal'));
    assert.deepEqual(
      personal.commands.map((c: { title: string }) => c.title),
      ['help', 'whoami', 'sign out', 'audit', 'reload policy'],
    );
    const shared = bot.commandLists.find((l: { scopes: string[] }) => l.scopes.includes('team'));
    assert.ok(shared.scopes.includes('groupChat'));
    for (const command of shared.commands) assert.ok(!['audit', 'reload policy'].includes(command.title), 'admin commands stay out of shared chats');
  });

  it('uses the same bot id in bots, copilotAgents.customEngineAgents and webApplicationInfo (the bot app is the SSO app)', () => {
    const manifest = renderedManifest();
    const botId = manifest.bots[0].botId;
    assert.equal(botId, testValues.BOT_ID);
    assert.deepEqual(
      manifest.copilotAgents.customEngineAgents.map((a: { id: string; type: string }) => [a.type, a.id]),
      [['bot', botId]],
    );
    assert.equal(manifest.webApplicationInfo.resource, `api://botid-${botId}`);
    assert.equal(manifest.webApplicationInfo.id, botId);
    assert.deepEqual(checkBotConsistency(manifest), []);

    const drifted = renderedManifest();
    drifted.copilotAgents.customEngineAgents[0].id = testValues.TEAMS_APP_ID;
    drifted.webApplicationInfo.resource = 'api://some-other-app';
    assert.equal(checkBotConsistency(drifted).length, 2);
  });

  it('names its short name, descriptions and valid domain for a real install', () => {
    const manifest = renderedManifest();
    assert.equal(manifest.name.short, 'Secure Agent (local)');
    assert.ok(manifest.description.short.length <= 80);
    assert.ok(manifest.description.full.length > manifest.description.short.length);
    assert.deepEqual(manifest.validDomains, [testValues.BOT_DOMAIN]);
    for (const url of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) assert.match(manifest.developer[url], /^https:\/\//);
  });
});

describe('app package: icons', () => {
  it('color.png is 192×192 with a transparent background', () => {
    const png = readPng('color.png');
    assert.equal(png.width, 192);
    assert.equal(png.height, 192);
    for (const [x, y] of [[0, 0], [191, 0], [0, 191], [191, 191]] as const) assert.equal(alphaAt(png, x, y), 0, `corner ${x},${y} is not transparent`);
    assert.equal(alphaAt(png, 96, 96), 255, 'the centre carries the artwork');
  });

  it('outline.png is 32×32, white on transparent', () => {
    const png = readPng('outline.png');
    assert.equal(png.width, 32);
    assert.equal(png.height, 32);
    let opaque = 0;
    let transparent = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const alpha = png.data[i + 3]!;
      if (alpha === 0) transparent++;
      else {
        assert.deepEqual([png.data[i], png.data[i + 1], png.data[i + 2]], [255, 255, 255], 'every visible outline pixel is white');
        if (alpha === 255) opaque++;
      }
    }
    assert.ok(opaque > 50, 'the outline has a visible shape');
    assert.ok(transparent > 32 * 32 / 3, 'the background is transparent');
  });

  it('the committed icons are exactly what `npm run icons` draws, so a fork can regenerate them', () => {
    assert.ok(drawColorIcon().equals(readFileSync(join(appPackageDir, 'color.png'))));
    assert.ok(drawOutlineIcon().equals(readFileSync(join(appPackageDir, 'outline.png'))));
  });

  it('the packaging check rejects a wrong size and a coloured outline', () => {
    const manifest = renderedManifest();
    assert.deepEqual(checkIcons(manifest, appPackageDir), []);
    const dir = mkdtempSync(join(tmpdir(), 'icons-'));
    try {
      copyFileSync(join(appPackageDir, 'color.png'), join(dir, 'color.png'));
      const wrong = new PNG({ width: 48, height: 48 });
      wrong.data.fill(0);
      wrong.data[3] = 255; // one opaque black pixel
      writeFileSync(join(dir, 'outline.png'), PNG.sync.write(wrong));
      const problems = checkIcons(manifest, dir);
      assert.equal(problems.length, 2);
      assert.match(problems[0]!, /48×48, expected 32×32/);
      assert.match(problems[1]!, /white on a transparent background/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
