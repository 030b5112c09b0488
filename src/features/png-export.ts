// PNG export of the current view: the map's own frame (the drawing buffer is kept), with a band
// below for title, legend, attribution and the date of the data. What you see is what you get.
// Loaded on demand. At 1× the live frame is copied; 2× and 4× redraw the view in a hidden map.
import type { Layer } from '@deck.gl/core';
import type { MapView } from '../map/map-view.ts';
import type { LegendGroup } from '../model/legend-model.ts';
import { dirOf, type Lang } from '../core/i18n/i18n.ts';

export const EXPORT_SCALES = [1, 2, 4] as const;
export type ExportScale = (typeof EXPORT_SCALES)[number];

export interface ExportInputs {
  view: MapView;
  /** The layers on screen, redrawn for the larger scales. */
  layers: Layer[];
  scale: ExportScale;
  lang: Lang;
  title: string;
  legend: LegendGroup[];
  attribution: string;
  dataDate: string;
  /** The band's colours, from the theme drawn (light by default). */
  band?: BandColours;
}

/** Background, text and secondary text of the band below the map. */
export interface BandColours {
  background: string;
  ink: string;
  muted: string;
}

const LIGHT_BAND: BandColours = { background: '#ffffff', ink: '#2b2823', muted: '#5a544c' };

export interface ExportedImage {
  blob: Blob;
  width: number;
  height: number;
}

const FONT = 'Vazirmatn, sans-serif';

export async function exportPng({
  view,
  layers,
  scale,
  lang,
  title,
  legend,
  attribution,
  dataDate,
  band: colours = LIGHT_BAND,
}: ExportInputs): Promise<ExportedImage> {
  const ratio = (window.devicePixelRatio || 1) * scale;
  const source = await frameAt(view, layers, scale, ratio);
  const width = source.width;
  const mapHeight = source.height;
  const unit = ratio;
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d')!;
  const band = layoutBand(context, legend, width, unit);
  canvas.width = width;
  canvas.height = mapHeight + band.height;
  context.fillStyle = colours.background;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(source, 0, 0);
  drawBand(context, { top: mapHeight, width, unit, lang, title, attribution, dataDate, items: band.items, colours });
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
  return { blob, width: canvas.width, height: canvas.height };
}

async function frameAt(view: MapView, layers: Layer[], scale: ExportScale, ratio: number): Promise<HTMLCanvasElement> {
  if (scale === 1) {
    await renderedAfter(view, view.renderCount());
    return view.map.getCanvas();
  }
  const { renderOffscreen } = await import('../map/offscreen-frame.ts');
  return renderOffscreen({ source: view.map, layers, pixelRatio: ratio });
}

/** Resolves after maplibre is idle and deck.gl has drawn a frame since `count`. */
function renderedAfter(view: MapView, count: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (view.renderCount() > count && view.map.loaded() ? resolve() : requestAnimationFrame(check));
    view.map.triggerRepaint();
    view.map.once('idle', () => requestAnimationFrame(check));
  });
}

/** One positioned item of the band: a heading, or a swatch with its label. */
interface Item {
  text: string;
  offset: number;
  line: number;
  swatch?: LegendGroup['entries'][number];
}

const LINE = 24;

/**
 * Lays the legend out in lines that fit the image: each group starts a line with its heading,
 * and entries wrap to the next line, indented, when they would run past the edge.
 */
function layoutBand(
  context: CanvasRenderingContext2D,
  legend: LegendGroup[],
  width: number,
  unit: number,
): { height: number; items: Item[] } {
  const margin = 16 * unit;
  const swatch = 14 * unit;
  const items: Item[] = [];
  let line = 0;
  for (const group of legend) {
    context.font = `600 ${12 * unit}px ${FONT}`;
    items.push({ text: group.heading, offset: 0, line });
    let offset = context.measureText(group.heading).width + 12 * unit;
    context.font = `400 ${12 * unit}px ${FONT}`;
    for (const entry of group.entries) {
      const size = swatch + 5 * unit + context.measureText(entry.label).width;
      if (offset + size > width - 2 * margin && offset > 24 * unit) {
        line += 1;
        offset = 24 * unit;
      }
      items.push({ text: entry.label, offset, line, swatch: entry });
      offset += size + 14 * unit;
    }
    line += 1;
  }
  return { height: Math.round((64 + line * LINE + 28) * unit), items };
}

function drawBand(
  context: CanvasRenderingContext2D,
  options: {
    top: number;
    width: number;
    unit: number;
    lang: Lang;
    title: string;
    attribution: string;
    dataDate: string;
    items: Item[];
    colours: BandColours;
  },
): void {
  const { top, width, unit, lang, title, attribution, dataDate, items, colours } = options;
  const rtl = dirOf(lang) === 'rtl';
  const margin = 16 * unit;
  const start = rtl ? width - margin : margin;
  const at = (offset: number) => (rtl ? start - offset : start + offset);
  context.direction = rtl ? 'rtl' : 'ltr';
  context.textAlign = 'start';
  context.textBaseline = 'middle';
  context.fillStyle = colours.ink;
  context.font = `700 ${18 * unit}px ${FONT}`;
  context.fillText(title, start, top + 22 * unit);
  context.font = `400 ${12 * unit}px ${FONT}`;
  context.fillStyle = colours.muted;
  context.fillText(dataDate, start, top + 44 * unit);

  const first = top + 68 * unit;
  const swatch = 14 * unit;
  for (const item of items) {
    const y = first + item.line * LINE * unit;
    let x = at(item.offset);
    const entry = item.swatch;
    if (entry) {
      context.fillStyle = entry.colour;
      const left = rtl ? x - swatch : x;
      if (entry.shape === 'line' || entry.shape === 'dash') context.fillRect(left, y - 2 * unit, swatch, 4 * unit);
      else if (entry.shape === 'dot' || entry.shape === 'ring') {
        context.beginPath();
        context.arc(left + swatch / 2, y, 5 * unit, 0, Math.PI * 2);
        context.fill();
      } else context.fillRect(left, y - 6 * unit, swatch, 12 * unit);
      x = at(item.offset + swatch + 5 * unit);
    }
    context.font = `${entry ? 400 : 600} ${12 * unit}px ${FONT}`;
    context.fillStyle = colours.ink;
    context.fillText(item.text, x, y);
  }
  const lines = items.length ? items[items.length - 1]!.line + 1 : 0;
  context.font = `400 ${11 * unit}px ${FONT}`;
  context.fillStyle = colours.muted;
  context.fillText(attribution, start, first + lines * LINE * unit + 4 * unit);
}
