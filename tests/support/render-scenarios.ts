// The render scenarios: one folder per scenario under tests/render/, read by the browser render test
// (scenario.json → expected.png) and by the layer manifest unit test (scenario.json → layers.txt).
import fs from 'node:fs';
import path from 'node:path';

export interface Scenario {
  /** Query string appended to the app URL, e.g. "?lang=en&layers=corridors". */
  query: string;
  width: number;
  height: number;
  /** Optional pointer position to hover before the screenshot, [lon, lat]. */
  hover?: [number, number];
  /** Share of pixels allowed to differ, when a scenario needs more than the default. */
  maxDiffRatio?: number;
  /** What the picture must show: read it before updating expected.png. */
  shows?: string;
}

export const RENDER_ROOT = 'tests/render';

/** Scenario folder names, sorted. */
export function renderScenarios(root = RENDER_ROOT): string[] {
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export function readScenario(name: string, root = RENDER_ROOT): Scenario {
  return JSON.parse(fs.readFileSync(path.join(root, name, 'scenario.json'), 'utf8')) as Scenario;
}

/** True when the run should rewrite expected files (expected.png, layers.txt) instead of comparing. */
export const updatingRender = () => process.env['UPDATE_RENDER'] === '1';
