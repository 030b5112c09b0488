// PNG export of the current view: the map's own frame (the drawing buffer is kept), with a band
// below for title, legend, attribution and the date of the data. What you see is what you get.
// Loaded on demand. Only scale 1 is offered: in interleaved mode deck.gl 9.4 keeps drawing at the
// window's pixel ratio when maplibre's changes, so 2× and 4× frames come out misaligned.
import type { MapView } from '../map/map-view.ts';
import type { LegendGroup } from '../ui/legend-model.ts';
import { dirOf, type Lang } from '../i18n/i18n.ts';

export interface ExportInputs {
  view: MapView;
  lang: Lang;
  title: string;
  legend: LegendGroup[];
  attribution: string;
  dataDate: string;
}

export interface ExportedImage {
  blob: Blob;
  width: number;
  height: number;
}

const FONT = 'Vazirmatn, sans-serif';

export async function exportPng({ view, lang, title, legend, attribution, dataDate }: ExportInputs): Promise<ExportedImage> {
  const { map } = view;
  const ratio = window.devicePixelRatio || 1;
  const before = view.renderCount();
  await renderedAfter(view, before);
  const source = map.getCanvas();
  const width = source.width;
  const mapHeight = source.height;
  const unit = ratio;
  const band = layoutBand(legend, unit);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = mapHeight + band.height;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(source, 0, 0);
  drawBand(context, { top: mapHeight, width, unit, lang, title, legend, attribution, dataDate, rows: band.rows });
  const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  return { blob, width: canvas.width, height: canvas.height };
}

/** Resolves after maplibre is idle and deck.gl has drawn a frame since `count`. */
function renderedAfter(view: MapView, count: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (view.renderCount() > count && view.map.loaded() ? resolve() : requestAnimationFrame(check));
    view.map.triggerRepaint();
    view.map.once('idle', () => requestAnimationFrame(check));
  });
}

interface Row {
  heading: string;
  entries: LegendGroup['entries'];
}

/** One legend group a row; the band grows with the legend. */
function layoutBand(legend: LegendGroup[], unit: number): { height: number; rows: Row[] } {
  const rows = legend.map((g) => ({ heading: g.heading, entries: g.entries }));
  return { height: Math.round((64 + rows.length * 24 + 28) * unit), rows };
}

function drawBand(
  context: CanvasRenderingContext2D,
  options: { top: number; width: number; unit: number; lang: Lang; title: string; legend: LegendGroup[]; attribution: string; dataDate: string; rows: Row[] },
): void {
  const { top, width, unit, lang, title, attribution, dataDate, rows } = options;
  const rtl = dirOf(lang) === 'rtl';
  const margin = 16 * unit;
  const start = rtl ? width - margin : margin;
  const step = (x: number, by: number) => (rtl ? x - by : x + by);
  context.direction = rtl ? 'rtl' : 'ltr';
  context.textAlign = 'start';
  context.textBaseline = 'middle';
  context.fillStyle = '#2b2823';
  context.font = `700 ${18 * unit}px ${FONT}`;
  context.fillText(title, start, top + 22 * unit);
  context.font = `400 ${12 * unit}px ${FONT}`;
  context.fillStyle = '#5a544c';
  context.fillText(dataDate, start, top + 44 * unit);

  let y = top + 68 * unit;
  for (const row of rows) {
    let x = start;
    context.font = `600 ${12 * unit}px ${FONT}`;
    context.fillStyle = '#2b2823';
    context.fillText(row.heading, x, y);
    x = step(x, context.measureText(row.heading).width + 12 * unit);
    context.font = `400 ${12 * unit}px ${FONT}`;
    for (const entry of row.entries) {
      const swatch = 14 * unit;
      context.fillStyle = entry.colour;
      if (entry.shape === 'line' || entry.shape === 'dash') context.fillRect(rtl ? x - swatch : x, y - 2 * unit, swatch, 4 * unit);
      else if (entry.shape === 'dot' || entry.shape === 'ring') {
        context.beginPath();
        context.arc(rtl ? x - swatch / 2 : x + swatch / 2, y, 5 * unit, 0, Math.PI * 2);
        context.fill();
      } else context.fillRect(rtl ? x - swatch : x, y - 6 * unit, swatch, 12 * unit);
      x = step(x, swatch + 5 * unit);
      context.fillStyle = '#2b2823';
      context.fillText(entry.label, x, y);
      x = step(x, context.measureText(entry.label).width + 14 * unit);
    }
    y += 24 * unit;
  }
  context.font = `400 ${11 * unit}px ${FONT}`;
  context.fillStyle = '#5a544c';
  context.fillText(attribution, start, y + 4 * unit);
}
