// Builds the test atlas once per `vitest run` of the unit project, from data/ and the npm geodata
// (no network, no shared/), and hands it to every test file through `provide`/`inject` (see dataset/fixture.ts).
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { TestProject } from 'vitest/node';
import { buildAtlas } from '../../scripts/dataset/build-atlas.ts';
import { buildAtlasInputs } from '../../scripts/dataset/inputs.ts';
import type { AtlasData } from '../../src/core/atlas.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The dataset atlas built from data/: plain JSON. */
    atlas: AtlasData;
    /** The province shapes the atlas was built against (GeoJSON features of the region topology). */
    provinceShapes: Feature<Polygon | MultiPolygon, { id: string }>[];
  }
}

export default function setup(project: TestProject): void {
  const inputs = buildAtlasInputs();
  project.provide('atlas', buildAtlas(inputs));
  // Of the inputs, the tests need only the province shapes (geometry.test.ts); the rest stays here.
  project.provide('provinceShapes', inputs.provinceShapes);
}
