// Compares a screenshot (of the map element: tests/browser/render.test.ts) with a committed expected.png, as
// maplibre's render tests do. On failure it writes actual.png and diff.png beside the expected image.
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { updatingRender } from '../support/render-scenarios.ts';

export interface RenderTolerance {
  /** Per-pixel colour distance (0–1) under which two pixels count as equal (pixelmatch). */
  threshold: number;
  /** Share of pixels allowed to differ. */
  maxDiffRatio: number;
}

/** Measured here: SwiftShader renders repeat exactly; 0.2 % leaves room for antialiasing noise. */
export const DEFAULT_TOLERANCE: RenderTolerance = { threshold: 0.1, maxDiffRatio: 0.002 };

export interface RenderResult {
  diffRatio: number;
  message: string | null;
}

export function compareWithExpected(folder: string, actual: Buffer, tolerance = DEFAULT_TOLERANCE): RenderResult {
  const expectedFile = path.join(folder, 'expected.png');
  const actualFile = path.join(folder, 'actual.png');
  const diffFile = path.join(folder, 'diff.png');
  for (const stale of [actualFile, diffFile]) fs.rmSync(stale, { force: true });
  if (updatingRender()) {
    fs.writeFileSync(expectedFile, actual);
    return { diffRatio: 0, message: null };
  }
  if (!fs.existsSync(expectedFile)) {
    fs.writeFileSync(actualFile, actual);
    return {
      diffRatio: 1,
      message: `${expectedFile} is missing: look at actual.png, then run npm run test:render:update`,
    };
  }
  const expectedPng = PNG.sync.read(fs.readFileSync(expectedFile));
  const actualPng = PNG.sync.read(actual);
  const { width, height } = expectedPng;
  if (actualPng.width !== width || actualPng.height !== height) {
    fs.writeFileSync(actualFile, actual);
    return {
      diffRatio: 1,
      message: `size ${actualPng.width}×${actualPng.height} differs from expected ${width}×${height}`,
    };
  }
  const diff = new PNG({ width, height });
  const differing = pixelmatch(expectedPng.data, actualPng.data, diff.data, width, height, {
    threshold: tolerance.threshold,
  });
  const diffRatio = differing / (width * height);
  if (diffRatio <= tolerance.maxDiffRatio) return { diffRatio, message: null };
  fs.writeFileSync(actualFile, actual);
  fs.writeFileSync(diffFile, PNG.sync.write(diff));
  return {
    diffRatio,
    message: `${(diffRatio * 100).toFixed(3)} % of pixels differ (allowed ${(tolerance.maxDiffRatio * 100).toFixed(3)} %): see ${actualFile} and ${diffFile}`,
  };
}
