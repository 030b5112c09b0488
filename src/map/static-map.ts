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
import { casingColour, LINE_ALPHA, type Theme } from '../core/theme.ts';
import { CASING_PX } from '../layers/line-casing.ts';

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
  /** The band under a line whose colour needs one (theme.ts `needsCasing`), as on the live map. */
  casing?: SVGPathElement;
}

/** The still picture; a new theme draws a new picture in place of the old one. */
export function createStaticView(options: StaticViewOptions): AtlasView {
  let picture = drawStaticPicture(options);
  let lang = options.lang;
  return {
    ready: Promise.resolve(),
    setLayers: (layers) => picture.setLayers(layers),
    renderCount: () => picture.renderCount(),
    setLanguage: (language) => {
      lang = language;
      picture.setLanguage(language);
    },
    project: (lonLat) => picture.project(lonLat),
    flyTo: (target) => picture.flyTo(target),
    setView: (view, animate) => picture.setView(view, animate),
    fitRegion: () => picture.fitRegion(),
    setTheme: (theme) => {
      picture.remove();
      picture = drawStaticPicture({ ...options, theme, lang });
    },
  };
}

function drawStaticPicture(options: StaticViewOptions): Omit<AtlasView, 'setTheme'> & { remove(): void } {
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
  const casingGroup = group('casings');
  const lineGroup = group('lines');
  const cased = (d: string, colour: [number, number, number, number], attrs: Record<string, string>) => {
    const casing = casingColour(theme, colour);
    return {
      casing: casing[3] > 0 ? path(casingGroup, d, { ...attrs, fill: 'none', stroke: cssColour(casing) }) : undefined,
      element: path(lineGroup, d, { ...attrs, fill: 'none', stroke: cssColour(colour) }),
    };
  };
  const routes: Shape[] = atlas.caspianRoutes.map((route) => ({
    ref: { kind: 'route', id: route.id },
    ...cased(pathData([route.path], projection, false), theme.caspianRoute, { 'stroke-dasharray': '6 4' }),
  }));
  const corridors: Shape[] = atlas.corridors.flatMap((corridor) => {
    names.set(corridor.id, corridor.name);
    return corridor.branches.map((branch) => ({
      ref: { kind: 'corridor' as const, id: corridor.id },
      ...cased(pathData([branch.path], projection, false), hexToRgba(corridor.colour, LINE_ALPHA), {
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
    const line = (shape: Shape, width: number, shown: boolean) => {
      for (const [element, extra] of [
        [shape.element, 0],
        [shape.casing, 2 * CASING_PX],
      ] as const) {
        if (!element) continue;
        element.setAttribute('stroke-width', String(width + extra));
        element.style.display = shown ? '' : 'none';
      }
    };
    for (const shape of routes) line(shape, outline(shape, 5) || 2.5, current.layers.caspian);
    for (const shape of corridors)
      line(shape, outline(shape, 7) || 3.5, current.layers.corridors && current.corridors.includes(shape.ref.id));
    label();
    renders += 1;
  };
  redraw();

  const noop = () => undefined;
  return {
    remove: () => root.remove(),
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
