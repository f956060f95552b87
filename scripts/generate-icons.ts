// Draws the Teams app icons (appPackage/color.png 192×192, appPackage/outline.png 32×32)
// from simple geometry, so a fork can restyle them by changing a few numbers and rerunning
// `npm run icons`. The PNGs are committed; this script only runs when the artwork changes.
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

type Rgb = readonly [number, number, number];
/** Colour of a pixel given its coverage by the shield body (0..1) and by the check mark (0..1). */
type Shade = (body: number, mark: number) => { rgb: Rgb; alpha: number };

const accent: Rgb = [0x4f, 0x46, 0xe5];
const white: Rgb = [0xff, 0xff, 0xff];
const samplesPerAxis = 4; // 16 samples per pixel: smooth edges without an anti-aliasing library

/** Half width of the shield at height v (0 top .. 1 bottom), in unit coordinates. */
function shieldHalfWidth(v: number): number {
  const top = 0.1;
  const shoulder = 0.55;
  const tip = 0.92;
  if (v < top || v > tip) return -1;
  if (v <= shoulder) return 0.34;
  return (0.34 * (tip - v)) / (tip - shoulder);
}

/** Inside the shield scaled by `scale` around its centre: the outline icon's border is outer minus inner. */
function insideShield(u: number, v: number, scale = 1): boolean {
  const centreV = 0.46;
  const su = (u - 0.5) / scale + 0.5;
  const sv = (v - centreV) / scale + centreV;
  const half = shieldHalfWidth(sv);
  return half > 0 && Math.abs(su - 0.5) <= half;
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function onCheckMark(u: number, v: number, thickness: number): boolean {
  return (
    distanceToSegment(u, v, 0.36, 0.5, 0.46, 0.6) <= thickness ||
    distanceToSegment(u, v, 0.46, 0.6, 0.65, 0.38) <= thickness
  );
}

function render(size: number, coverage: (u: number, v: number) => { body: boolean; mark: boolean }, shade: Shade): Buffer {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let body = 0;
      let mark = 0;
      for (let sy = 0; sy < samplesPerAxis; sy++) {
        for (let sx = 0; sx < samplesPerAxis; sx++) {
          const hit = coverage((x + (sx + 0.5) / samplesPerAxis) / size, (y + (sy + 0.5) / samplesPerAxis) / size);
          if (hit.body) body++;
          if (hit.mark) mark++;
        }
      }
      const total = samplesPerAxis * samplesPerAxis;
      const { rgb, alpha } = shade(body / total, mark / total);
      const i = (y * size + x) * 4;
      png.data[i] = rgb[0];
      png.data[i + 1] = rgb[1];
      png.data[i + 2] = rgb[2];
      png.data[i + 3] = Math.round(alpha * 255);
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

/** Full-colour icon: accent shield with a white check, on a transparent background. */
export function drawColorIcon(): Buffer {
  return render(
    192,
    (u, v) => ({ body: insideShield(u, v), mark: insideShield(u, v) && onCheckMark(u, v, 0.045) }),
    (body, mark) => {
      const mix = body === 0 ? 0 : mark / body; // share of the covered area that is check mark
      const rgb: Rgb = [0, 1, 2].map((c) => Math.round(accent[c]! * (1 - mix) + white[c]! * mix)) as unknown as Rgb;
      return { rgb, alpha: body };
    },
  );
}

/** Outline icon: white shield border and check on a transparent background, as Teams requires. */
export function drawOutlineIcon(): Buffer {
  return render(
    32,
    (u, v) => {
      const border = insideShield(u, v) && !insideShield(u, v, 0.7);
      return { body: border, mark: onCheckMark(u, v, 0.04) };
    },
    (body, mark) => ({ rgb: white, alpha: Math.min(1, body + mark) }),
  );
}

function main(): void {
  const appPackage = join(dirname(fileURLToPath(import.meta.url)), '..', 'appPackage');
  writeFileSync(join(appPackage, 'color.png'), drawColorIcon());
  writeFileSync(join(appPackage, 'outline.png'), drawOutlineIcon());
  console.log(`Wrote ${join(appPackage, 'color.png')} and outline.png`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) main();
