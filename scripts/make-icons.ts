/**
 * Draws the two Teams app icons, so the artwork is reproducible from source
 * rather than a binary nobody can edit:
 * - `appPackage/color.png`: 192x192, opaque NHS blue with a white pathway mark;
 * - `appPackage/outline.png`: 32x32, the same mark in white on a transparent background.
 *
 * The mark is a route: a start dot and an end dot joined by a winding path, for a
 * partner's journey from first interest to active involvement.
 *
 * Node 20 cannot run TypeScript directly and tsx is not a dependency, so compile it
 * first. From the repository root:
 *
 * ```sh
 * npx tsc --outDir build/make-icons --module commonjs --target es2022 --esModuleInterop \
 *   --skipLibCheck --types node scripts/make-icons.ts && node build/make-icons/make-icons.js
 * ```
 *
 * It overwrites both PNG files in `appPackage/` (or in the folder given as the first
 * argument). `tests/app-package/icons.test.ts` checks the results.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';

type Point = readonly [x: number, y: number];

/** NHS blue (#005EB8), the manifest's accentColor. */
const NHS_BLUE = { r: 0x00, g: 0x5e, b: 0xb8 } as const;

/** Subsamples per pixel side: enough for smooth edges at 32 pixels. */
const SUPERSAMPLING = 8;

/** Mark geometry in a unit square, y pointing down. */
const START: Point = [0.16, 0.84];
const END: Point = [0.84, 0.16];
const DOT_RADIUS = 0.16;
const PATH_HALF_WIDTH = 0.065;

/** A cubic curve from START to END that bends twice, so it reads as a path and not a stroke. */
const PATH = sampleCubic(START, [0.95, 0.78], [0.05, 0.22], END, 48);

function sampleCubic(p0: Point, p1: Point, p2: Point, p3: Point, steps: number): Point[] {
  const points: Point[] = [];
  for (let i = 0; i <= steps; i += 1) {
    const t = i / steps;
    const u = 1 - t;
    const a = u * u * u;
    const b = 3 * u * u * t;
    const c = 3 * u * t * t;
    const d = t * t * t;
    points.push([a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]]);
  }
  return points;
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

function insideMark(p: Point): boolean {
  if (Math.hypot(p[0] - START[0], p[1] - START[1]) <= DOT_RADIUS) return true;
  if (Math.hypot(p[0] - END[0], p[1] - END[1]) <= DOT_RADIUS) return true;
  for (let i = 1; i < PATH.length; i += 1) {
    if (distanceToSegment(p, PATH[i - 1], PATH[i]) <= PATH_HALF_WIDTH) return true;
  }
  return false;
}

/**
 * Fraction of each pixel covered by the mark, row by row.
 * `inset` is the margin on each side, as a fraction of `size`, that the mark stays out of.
 */
function markCoverage(size: number, inset: number): Float64Array {
  const coverage = new Float64Array(size * size);
  const span = size * (1 - 2 * inset);
  const origin = size * inset;
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      let hits = 0;
      for (let sy = 0; sy < SUPERSAMPLING; sy += 1) {
        for (let sx = 0; sx < SUPERSAMPLING; sx += 1) {
          const px = (x + (sx + 0.5) / SUPERSAMPLING - origin) / span;
          const py = (y + (sy + 0.5) / SUPERSAMPLING - origin) / span;
          if (insideMark([px, py])) hits += 1;
        }
      }
      coverage[y * size + x] = hits / (SUPERSAMPLING * SUPERSAMPLING);
    }
  }
  return coverage;
}

function colourIcon(): PNG {
  const size = 192;
  // Teams crops the colour icon to a rounded square; an inset of 0.2 keeps the mark
  // inside the central 120x120 pixel safe area Microsoft asks for.
  const coverage = markCoverage(size, 0.2);
  const png = new PNG({ width: size, height: size });
  coverage.forEach((c, i) => {
    png.data[i * 4] = Math.round(NHS_BLUE.r + (255 - NHS_BLUE.r) * c);
    png.data[i * 4 + 1] = Math.round(NHS_BLUE.g + (255 - NHS_BLUE.g) * c);
    png.data[i * 4 + 2] = Math.round(NHS_BLUE.b + (255 - NHS_BLUE.b) * c);
    png.data[i * 4 + 3] = 255;
  });
  return png;
}

function outlineIcon(): PNG {
  const size = 32;
  const coverage = markCoverage(size, 0.04);
  const png = new PNG({ width: size, height: size });
  coverage.forEach((c, i) => {
    // Every pixel stays white and only alpha varies, so Teams can tint the icon and
    // scaling never blends a dark fringe in from transparent pixels.
    png.data[i * 4] = 255;
    png.data[i * 4 + 1] = 255;
    png.data[i * 4 + 2] = 255;
    png.data[i * 4 + 3] = Math.round(255 * c);
  });
  return png;
}

function main(): void {
  const folder = resolve(process.argv[2] ?? 'appPackage');
  mkdirSync(folder, { recursive: true });
  // The colour icon is opaque by design, so it is written without an alpha channel.
  writeFileSync(join(folder, 'color.png'), PNG.sync.write(colourIcon(), { colorType: 2 }));
  writeFileSync(join(folder, 'outline.png'), PNG.sync.write(outlineIcon(), { colorType: 6 }));
  process.stdout.write(`Wrote color.png and outline.png to ${folder}\n`);
}

main();
