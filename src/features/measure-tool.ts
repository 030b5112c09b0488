// The measure tool's controller: while it is on, map clicks add points (snapped onto a corridor or
// route when they land on one) and a readout shows the legs and the total. Loaded on first use.
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { LonLat } from '../core/geodata.ts';
import { formatKm } from '../core/i18n/format.ts';
import { t, tf, type Lang } from '../core/i18n/i18n.ts';
import { el } from '../ui/dom.ts';
import { CASPIAN_LAYER_ID, CORRIDOR_LAYER_ID, type CorridorPath } from '../layers/route-layers.ts';
import { buildMeasureLayers } from '../layers/measure-layers.ts';
import type { CaspianRoute } from '../core/atlas.ts';
import { measureLegs, snapToPath, totalKm, type MeasureLeg, type MeasurePoint } from '../model/measure.ts';

export interface MeasureTool {
  readonly active: boolean;
  setActive(on: boolean): void;
  click(lonLat: LonLat, info: Pick<PickingInfo, 'layer' | 'object'>): void;
  layers(beforeId: string): Layer[];
}

export function createMeasureTool(readout: HTMLElement, lang: () => Lang, onChange: () => void): MeasureTool {
  let points: MeasurePoint[] = [];
  let legs: MeasureLeg[] = [];
  let active = false;

  const render = () => {
    const language = lang();
    const undo = el('button', { text: t(language, 'measure.undo'), attrs: { type: 'button', id: 'measure-undo' } });
    undo.disabled = points.length === 0;
    undo.addEventListener('click', () => setPoints(points.slice(0, -1)));
    const clear = el('button', { text: t(language, 'measure.clear'), attrs: { type: 'button', id: 'measure-clear' } });
    clear.addEventListener('click', () => setPoints([]));
    const done = el('button', { text: t(language, 'measure.done'), attrs: { type: 'button', id: 'measure-done' } });
    done.addEventListener('click', () => tool.setActive(false));
    const summary =
      legs.length === 0
        ? t(language, 'measure.hint')
        : tf(language, 'measure.total', { km: formatKm(language, totalKm(legs)) });
    const legList = el(
      'ol',
      { className: 'measure-legs' },
      ...legs.map((leg) =>
        el('li', { text: `${formatKm(language, leg.km)}${leg.along ? ` · ${t(language, 'measure.along')}` : ''}` }),
      ),
    );
    readout.replaceChildren(
      el('p', { className: 'measure-total', attrs: { id: 'measure-total' }, text: summary }),
      legList,
      el('div', { className: 'button-row' }, undo, clear, done),
    );
  };

  const setPoints = (next: MeasurePoint[]) => {
    points = next;
    legs = measureLegs(points);
    render();
    onChange();
  };

  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') tool.setActive(false);
    else if (event.key === 'Backspace' && points.length > 0 && !(event.target instanceof HTMLInputElement))
      setPoints(points.slice(0, -1));
  };

  const tool: MeasureTool = {
    get active() {
      return active;
    },
    setActive(on) {
      active = on;
      readout.hidden = !on;
      document.documentElement.dataset['measuring'] = String(on);
      if (on) document.addEventListener('keydown', onKey);
      else document.removeEventListener('keydown', onKey);
      setPoints([]);
    },
    click(lonLat, info) {
      const { layer, object } = info;
      let next: MeasurePoint = { lonLat };
      if (layer?.id === CORRIDOR_LAYER_ID && object) {
        const branch = object as CorridorPath;
        next = snapToPath(lonLat, `corridor:${branch.branchId}`, branch.path);
      } else if (layer?.id === CASPIAN_LAYER_ID && object) {
        const route = object as CaspianRoute;
        next = snapToPath(lonLat, `route:${route.id}`, route.path);
      }
      setPoints([...points, next]);
    },
    layers: (beforeId) => (active && points.length > 0 ? buildMeasureLayers(points, legs, beforeId) : []),
  };
  return tool;
}
