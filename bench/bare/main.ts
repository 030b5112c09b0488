// The bare reference page of the benchmark: maplibre + deck.gl with the same offline basemap, the
// same layer types and data as the app's default view, plus one ArcLayer of N synthetic arcs.
// No UI, no state, no panels: the app's figures divided by these are what the app itself adds.
import 'maplibre-gl/dist/maplibre-gl.css';
import { Map as MaplibreMap } from 'maplibre-gl';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import { ArcLayer } from '@deck.gl/layers';
import { createHoverProbe, installBench, STANDARD_VIEW, type BenchTargets } from '../../src/bench/contract.ts';
import { syntheticFlows, type SyntheticFlow } from '../../src/bench/synthetic.ts';
import { isRegionTopology, regionFromTopology } from '../../src/core/region.ts';
import { placeLabelFeatures } from '../../src/model/place-labels.ts';
import { BASEMAP_LAYER_IDS, buildBasemapStyle } from '../../src/layers/basemap-style.ts';
import { buildLayers } from '../../src/layers/build-layers.ts';
import { beforeMapLayer } from '../../src/layers/before-map-layer.ts';
import { LIGHT_THEME } from '../../src/core/theme.ts';
import { configureMaplibreWorker } from '../../src/map/worker-url.ts';
import { loadFonts } from '../../src/ui/fonts.ts';
import { initialState } from '../../src/state/state.ts';
import type { AtlasData } from '../../src/core/atlas.ts';

const marks: Record<string, number> = {};
const n = Number(new URLSearchParams(location.search).get('n') ?? '1000') || 0;
const fetchJson = async (path: string) => (await fetch(new URL(`../../${path}`, document.baseURI))).json();

let resolveReady: (targets: BenchTargets) => void;
const hoverProbe = createHoverProbe();
installBench(new Promise<BenchTargets>((resolve) => (resolveReady = resolve)), () => ({ page: 'bare', n, marks }));

async function start(): Promise<void> {
  const [, topology, atlas] = await Promise.all([
    loadFonts(),
    fetchJson('geo/region.topo.json'),
    fetchJson('data/atlas.json') as Promise<AtlasData>,
    configureMaplibreWorker(),
  ]);
  if (!isRegionTopology(topology)) throw new Error('not a region topology');
  marks['dataLoaded'] = performance.now();
  const region = regionFromTopology(topology);
  const map = new MaplibreMap({
    container: 'map',
    style: buildBasemapStyle({ ...region.basemap, places: placeLabelFeatures(atlas) }, LIGHT_THEME, 'en'),
    ...STANDARD_VIEW,
    attributionControl: false,
    canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
  });
  marks['mapCreated'] = performance.now();
  const flows = syntheticFlows(n);
  const layers = [
    ...buildLayers(
      initialState(
        'en',
        atlas.corridors.map((c) => c.id),
      ),
      { region, atlas, theme: LIGHT_THEME },
    ),
    new ArcLayer<SyntheticFlow>(
      beforeMapLayer(
        {
          id: 'synthetic',
          data: flows,
          getSourcePosition: (f) => f.source,
          getTargetPosition: (f) => f.target,
          getSourceColor: [90, 90, 90, 90],
          getTargetColor: [90, 90, 90, 230],
          getWidth: 1,
          pickable: true,
          numSegments: 8,
        },
        BASEMAP_LAYER_IDS.countryLabels,
      ),
    ),
  ];
  let basemapIdle = false;
  const overlay = new MapLibreOverlay({
    interleaved: true,
    layers,
    onHover: () => hoverProbe.ran(),
    onAfterRender: () => {
      marks['firstDeckRender'] ??= performance.now();
      if (basemapIdle && layers.every((layer) => layer.isLoaded)) resolveReady({ map, overlay, hoverProbe });
    },
  });
  map.addControl(overlay);
  map.once('load', () =>
    map.once('idle', () => {
      basemapIdle = true;
      map.triggerRepaint();
    }),
  );
}

void start();
