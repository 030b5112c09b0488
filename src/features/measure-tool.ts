// The measure tool's controller: while it is on, map clicks add points (snapped onto a corridor or
// route when they land on one) and a readout shows the legs and the total. Loaded on first use.
import type { PickingInfo } from '@deck.gl/core';
import type { LonLat } from '../core/geodata.ts';
import { formatKm } from '../core/i18n/format.ts';
import { t, tf, type Lang } from '../core/i18n/i18n.ts';
import { el } from '../ui/dom.ts';
import { CASPIAN_LAYER_ID, CORRIDOR_LAYER_ID, type CorridorPath } from '../layers/route-layers.ts';
import { buildMeasureLayers } from '../layers/measure-layers.ts';
import type { CaspianRoute } from '../core/atlas.ts';
import { measureLegs, snapToPath, totalKm, type MeasurePoint } from '../model/measure.ts';
import { memoLast } from '../core/memo.ts';
import type { Store } from '../state/store.ts';
import type { RenderPart } from '../render/render.ts';

export interface MeasureTool extends RenderPart {
  /** Adds a point where the map was clicked (snapped onto a corridor or route under it). */
  click(lonLat: LonLat, info: Pick<PickingInfo, 'layer' | 'object'>): void;
}

export interface MeasureElements {
  readout: HTMLElement;
  toggle: HTMLElement;
}

/** The tool's points live in the store's session; this draws them and their readout. */
export function createMeasureTool({ readout, toggle }: MeasureElements, store: Store): MeasureTool {
  const measure = () => store.get().session.measure;
  const setPoints = (points: MeasurePoint[]) => store.updateSession({ measure: { ...measure(), points } });
  const setActive = (active: boolean) => store.updateSession({ measure: { active, points: [] } });
  const legsOf = memoLast(measureLegs);
  const layersOf = memoLast((points: MeasurePoint[], beforeId: string) =>
    buildMeasureLayers(points, legsOf(points), beforeId),
  );

  const render = (language: Lang, points: MeasurePoint[]) => {
    const legs = legsOf(points);
    const undo = el('button', { text: t(language, 'measure.undo'), attrs: { type: 'button', id: 'measure-undo' } });
    undo.disabled = points.length === 0;
    undo.addEventListener('click', () => setPoints(points.slice(0, -1)));
    const clear = el('button', { text: t(language, 'measure.clear'), attrs: { type: 'button', id: 'measure-clear' } });
    clear.addEventListener('click', () => setPoints([]));
    const done = el('button', { text: t(language, 'measure.done'), attrs: { type: 'button', id: 'measure-done' } });
    done.addEventListener('click', () => setActive(false));
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

  const onKey = (event: KeyboardEvent) => {
    const { points } = measure();
    if (event.key === 'Escape') setActive(false);
    else if (event.key === 'Backspace' && points.length > 0 && !(event.target instanceof HTMLInputElement))
      setPoints(points.slice(0, -1));
  };

  return {
    view({ app, session }, before) {
      const { active, points } = session.measure;
      const was = before?.session.measure;
      if (active !== was?.active) {
        readout.hidden = !active;
        toggle.setAttribute('aria-pressed', String(active));
        document.documentElement.dataset['measuring'] = String(active);
        if (active) document.addEventListener('keydown', onKey);
        else document.removeEventListener('keydown', onKey);
      }
      if (active && (points !== was?.points || app.lang !== before?.app.lang || !was.active)) render(app.lang, points);
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
      setPoints([...measure().points, next]);
    },
    layers({ session }, beforeId) {
      const { active, points } = session.measure;
      return active && points.length > 0 ? layersOf(points, beforeId) : [];
    },
  };
}
