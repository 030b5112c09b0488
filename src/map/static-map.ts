// The map as a static SVG picture, for browsers without WebGL: land, provinces filled by activity,
// partners, corridors and Caspian routes, the selection outlined. It is the same AtlasView as the
// live map, so the app drives it alike; camera moves are no-ops.
import type { Geometry } from 'geojson';
import type { AppState, EntityRef } from '../state/state.ts';
import { REGION_BOUNDS } from '../state/state.ts';
import { provinceActivity } from '../model/selectors.ts';
import type { Region } from '../core/region.ts';
import { t, tf, type Lang } from '../core/i18n/i18n.ts';
import type { AtlasData } from '../core/atlas.ts';
import type { Bilingual, LonLat } from '../core/geodata.ts';
import { cssColour, hexToRgba } from '../core/colours.ts';
import { provinceFill } from '../layers/province-layer.ts';
import type { AtlasView } from './map-view.ts';
import type { Theme } from '../core/theme.ts';

export interface StaticViewOptions {
  container: HTMLElement;
  region: Region;
  atlas: AtlasData;
  theme: Theme;
  lang: Lang;
  state(): AppState;
  /** A click on a province, partner, corridor or route. */
  onSelect(ref: EntityRef): void;
}

export interface Projection {
  width: number;
  height: number;
  project(lonLat: LonLat): [x: number, y: number];
}

const mercatorY = (lat: number): number => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

/** Web Mercator (as the live map), scaled so `bounds` fill a box `width` units wide. */
export function fitProjection([[west, south], [east, north]]: [LonLat, LonLat], width = 1000): Projection {
  const k = width / (east - west);
  const top = mercatorY(north);
  const toUnits = (k * 180) / Math.PI;
  return {
    width,
    height: (top - mercatorY(south)) * toUnits,
    project: ([lon, lat]) => [(lon - west) * k, (top - mercatorY(lat)) * toUnits],
  };
}

/** SVG path data for lines or rings, skipping points closer than `minStep` units to the last one kept. */
export function pathData(lines: LonLat[][], projection: Projection, closed: boolean, minStep = 0.8): string {
  const parts: string[] = [];
  for (const line of lines) {
    let last: [number, number] | null = null;
    const points: string[] = [];
    line.forEach((lonLat, i) => {
      const [x, y] = projection.project(lonLat);
      const end = i === line.length - 1;
      if (last && !end && Math.hypot(x - last[0], y - last[1]) < minStep) return;
      points.push(`${x.toFixed(1)} ${y.toFixed(1)}`);
      last = [x, y];
    });
    if (points.length > 1) parts.push(`M${points.join('L')}${closed ? 'Z' : ''}`);
  }
  return parts.join('');
}

/** The rings of a (multi)polygon; other geometries have none. */
export function ringsOf(geometry: Geometry): LonLat[][] {
  if (geometry.type === 'Polygon') return geometry.coordinates as LonLat[][];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat() as LonLat[][];
  return [];
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const svg = <K extends keyof SVGElementTagNameMap>(
  name: K,
  attrs: Record<string, string> = {},
): SVGElementTagNameMap[K] => {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value);
  return element;
};

interface Shape {
  ref: EntityRef;
  element: SVGPathElement;
}

export function createStaticView(options: StaticViewOptions): AtlasView {
  const { container, region, atlas, theme, state } = options;
  let lang = options.lang;
  const projection = fitProjection(REGION_BOUNDS);
  const names = new Map<string, Bilingual>();

  const root = document.createElement('div');
  root.className = 'static-map';
  // The picture fits the region and runs on past it (overflow shows the land around) over water.
  root.style.background = theme.water;
  const message = document.createElement('p');
  message.className = 'static-map-message';
  message.setAttribute('role', 'alert');
  const picture = svg('svg', {
    viewBox: `0 0 ${projection.width.toFixed(0)} ${projection.height.toFixed(0)}`,
    preserveAspectRatio: 'xMidYMid meet',
    role: 'img',
    'aria-labelledby': 'static-map-title',
  });
  const title = svg('title', { id: 'static-map-title' });
  picture.append(title);
  root.append(picture, message);
  container.append(root);

  const group = (name: string) => picture.appendChild(svg('g', { class: `static-${name}` }));
  const path = (parent: SVGGElement, d: string, attrs: Record<string, string>) =>
    parent.appendChild(svg('path', { d, 'vector-effect': 'non-scaling-stroke', 'stroke-linejoin': 'round', ...attrs }));

  const land = group('countries');
  const partners: Shape[] = [];
  for (const country of region.countries) {
    const { id, partner } = country.properties;
    const fill = partner ? theme.partnerLand : id === 'IRN' ? theme.iranLand : theme.land;
    const element = path(land, pathData(ringsOf(country.geometry), projection, true), {
      fill,
      stroke: theme.countryBorder,
      'stroke-width': '1',
    });
    if (partner) partners.push({ ref: { kind: 'partner', id }, element });
    names.set(id, country.properties);
  }
  const provinceGroup = group('provinces');
  const provinces: Shape[] = region.provinces.map((province) => {
    names.set(province.properties.id, province.properties);
    const element = path(provinceGroup, pathData(ringsOf(province.geometry), projection, true), {
      stroke: theme.provinceBorder,
      'stroke-width': '0.8',
    });
    return { ref: { kind: 'province', id: province.properties.id }, element };
  });
  const routeGroup = group('routes');
  const routes: Shape[] = atlas.caspianRoutes.map((route) => ({
    ref: { kind: 'route', id: route.id },
    element: path(routeGroup, pathData([route.path], projection, false), {
      fill: 'none',
      stroke: cssColour(theme.caspianRoute),
      'stroke-dasharray': '6 4',
    }),
  }));
  const corridorGroup = group('corridors');
  const corridors: Shape[] = atlas.corridors.flatMap((corridor) => {
    names.set(corridor.id, corridor.name);
    return corridor.branches.map((branch) => ({
      ref: { kind: 'corridor' as const, id: corridor.id },
      element: path(corridorGroup, pathData([branch.path], projection, false), {
        fill: 'none',
        stroke: cssColour(hexToRgba(corridor.colour, 235)),
        'stroke-linecap': 'round',
        ...(branch.mode === 'sea' ? { 'stroke-dasharray': '8 6' } : {}),
      }),
    }));
  });
  const all = [...partners, ...provinces, ...routes, ...corridors];
  for (const shape of all) {
    shape.element.dataset['kind'] = shape.ref.kind;
    shape.element.dataset['id'] = shape.ref.id;
  }

  picture.addEventListener('click', (event) => {
    const target = (event.target as Element).closest<SVGPathElement>('path[data-kind]');
    const shape = target && all.find((s) => s.element === target);
    if (shape) options.onSelect(shape.ref);
  });

  let renders = 0;
  const label = () => {
    message.textContent = `${t(lang, 'error.webgl')} ${t(lang, 'static.hint')}`;
    const selection = state().selection;
    const name = selection && names.get(selection.id);
    title.textContent =
      t(lang, 'static.label') + (name ? ` · ${tf(lang, 'static.selected', { name: name[lang] })}` : '');
  };
  const redraw = () => {
    const current = state();
    const selected = (shape: Shape) =>
      current.selection?.kind === shape.ref.kind && current.selection.id === shape.ref.id;
    const outline = (shape: Shape, width: number) => {
      shape.element.toggleAttribute('data-selected', selected(shape));
      // The selection goes last in its group so its outline is not covered by its neighbours'.
      if (selected(shape)) shape.element.parentNode!.append(shape.element);
      return selected(shape) ? width : 0;
    };
    const activity = provinceActivity(current, atlas);
    for (const shape of provinces) {
      const fill = provinceFill(activity.get(shape.ref.id) ?? 0, theme);
      shape.element.setAttribute('fill', current.layers.provinces ? cssColour(fill) : 'none');
      const width = outline(shape, 3);
      shape.element.setAttribute('stroke', width ? cssColour(theme.selection) : theme.provinceBorder);
      shape.element.setAttribute('stroke-width', String(width || 0.8));
    }
    for (const shape of partners) {
      const width = outline(shape, 3);
      shape.element.setAttribute('stroke', width ? cssColour(theme.selection) : theme.countryBorder);
      shape.element.setAttribute('stroke-width', String(width || 1));
    }
    for (const shape of routes) {
      shape.element.setAttribute('stroke-width', String(outline(shape, 5) || 2.5));
      shape.element.style.display = current.layers.caspian ? '' : 'none';
    }
    for (const shape of corridors) {
      shape.element.setAttribute('stroke-width', String(outline(shape, 7) || 3.5));
      shape.element.style.display = current.layers.corridors && current.corridors.includes(shape.ref.id) ? '' : 'none';
    }
    label();
    renders += 1;
  };
  redraw();

  const noop = () => undefined;
  return {
    ready: Promise.resolve(),
    // The deck.gl layers cannot be drawn here; the picture follows the state they were built from.
    setLayers: redraw,
    renderCount: () => renders,
    setLanguage: (language) => {
      lang = language;
      label();
    },
    project: (lonLat) => {
      const matrix = picture.getScreenCTM();
      const box = container.getBoundingClientRect();
      const [x, y] = projection.project(lonLat);
      if (!matrix) return [x, y];
      const point = new DOMPoint(x, y).matrixTransform(matrix);
      return [point.x - box.left, point.y - box.top];
    },
    flyTo: noop,
    setView: noop,
    fitRegion: noop,
  };
}
