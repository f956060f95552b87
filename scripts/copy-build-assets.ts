// Second half of `npm run build`: tsc compiles src/ to dist/, this copies the files the
// compiled code reads beside itself (system prompt, detector weights, word clusters), so
// `node dist/index.js` runs with no TypeScript loader. policy/ stays at the project root:
// the code finds it as ../../policy from both src/ and dist/, and it ships as it is.
//
//   npm run build            # tsc -p tsconfig.build.json && tsx scripts/copy-build-assets.ts
import { copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Files under src/ that are data, not code: everything but TypeScript and module READMEs. */
export function buildAssets(srcDir = join(repoRoot, 'src')): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (!entry.endsWith('.ts') && entry !== 'README.md') out.push(relative(srcDir, path));
    }
  };
  walk(srcDir);
  return out.sort();
}

/** Copies every asset to the same relative place under outDir; returns what it copied. */
export function copyBuildAssets(outDir = join(repoRoot, 'dist'), srcDir = join(repoRoot, 'src')): string[] {
  const assets = buildAssets(srcDir);
  for (const asset of assets) {
    mkdirSync(dirname(join(outDir, asset)), { recursive: true });
    copyFileSync(join(srcDir, asset), join(outDir, asset));
  }
  return assets;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const copied = copyBuildAssets(process.argv[2] ? resolve(process.argv[2]) : undefined);
  process.stdout.write(`copied ${copied.length} assets to dist/: ${copied.join(', ')}\n`);
}
