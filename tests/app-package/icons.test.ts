import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG, type PNGWithMetadata } from 'pngjs';
import { REPO_ROOT } from './project-files';

function readIcon(fileName: string): PNGWithMetadata {
  return PNG.sync.read(readFileSync(join(REPO_ROOT, 'appPackage', fileName)));
}

function pixelAt(png: PNG, x: number, y: number): [r: number, g: number, b: number, a: number] {
  const i = (y * png.width + x) * 4;
  return [png.data[i], png.data[i + 1], png.data[i + 2], png.data[i + 3]];
}

function pixels(png: PNG): Array<{ x: number; y: number; rgba: [number, number, number, number] }> {
  const all = [];
  for (let y = 0; y < png.height; y += 1) {
    for (let x = 0; x < png.width; x += 1) all.push({ x, y, rgba: pixelAt(png, x, y) });
  }
  return all;
}

/**
 * What Teams would object to in an outline icon: anything but 32x32 white on a
 * transparent background. Each visible pixel must be pure white (only its alpha may
 * vary, for smooth edges) and the border, where the background shows, fully transparent.
 */
function outlineProblems(png: PNGWithMetadata): string[] {
  const problems: string[] = [];
  if (png.width !== 32 || png.height !== 32) problems.push(`is ${png.width}x${png.height}, not 32x32`);
  if (!png.alpha) problems.push('has no alpha channel');
  for (const { x, y, rgba } of pixels(png)) {
    const [r, g, b, a] = rgba;
    if (a > 0 && (r !== 255 || g !== 255 || b !== 255)) problems.push(`pixel ${x},${y} is visible but not white: ${rgba}`);
    const onBorder = x === 0 || y === 0 || x === png.width - 1 || y === png.height - 1;
    if (onBorder && a !== 0) problems.push(`border pixel ${x},${y} is not fully transparent: alpha ${a}`);
  }
  const opaque = pixels(png).filter(({ rgba }) => rgba[3] === 255).length;
  if (opaque === 0) problems.push('has no fully opaque pixel: the mark is missing');
  return problems;
}

describe('the app icons', () => {
  describe('color.png', () => {
    const icon = readIcon('color.png');

    it('is 192x192', () => {
      expect([icon.width, icon.height]).toEqual([192, 192]);
    });

    it('is fully opaque', () => {
      expect(pixels(icon).filter(({ rgba }) => rgba[3] !== 255)).toEqual([]);
    });

    it('has an NHS blue background with a white mark on it', () => {
      expect(pixelAt(icon, 0, 0)).toEqual([0x00, 0x5e, 0xb8, 255]);
      expect(pixelAt(icon, 191, 191)).toEqual([0x00, 0x5e, 0xb8, 255]);
      expect(pixels(icon).some(({ rgba }) => rgba.every((channel) => channel === 255))).toBe(true);
    });
  });

  describe('outline.png', () => {
    it('is 32x32 white on a fully transparent background', () => {
      expect(outlineProblems(readIcon('outline.png'))).toEqual([]);
    });

    it('would be refused if it had grey pixels or a background', () => {
      const bad = readIcon('outline.png');
      bad.data.set([128, 128, 128, 255], (16 * 32 + 16) * 4);
      bad.data.set([0, 94, 184, 255], 0);
      expect(outlineProblems(bad)).toEqual([
        'pixel 0,0 is visible but not white: 0,94,184,255',
        'border pixel 0,0 is not fully transparent: alpha 255',
        'pixel 16,16 is visible but not white: 128,128,128,255',
      ]);
    });
  });
});
