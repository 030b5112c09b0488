// The layer panel: layer groups, each corridor, sector toggles with all/none and counts, the time
// filter, what the province fill shows, and the legend. Built once per language; `update` only syncs checkboxes and the legend to the state.
import { LAYER_GROUPS, type AppState, type LayerGroup } from '../state/state.ts';
import { sectorCounts } from '../model/selectors.ts';
import { dateDomain, PROVINCE_METRICS, type ProvinceMetric, type TimeFilter } from '../state/filters.ts';
import { createTimeFilter } from './time-filter-view.ts';
import { createCompareControl } from './compare-control.ts';
import type { PeriodPair } from '../state/compare-state.ts';
import type { AtlasData } from '../core/atlas.ts';
import { t, tf, type Lang, type MessageKey } from '../core/i18n/i18n.ts';
import type { Theme } from '../core/theme.ts';
import { el } from './dom.ts';
import type { LegendGroup } from '../model/legend-model.ts';
import { renderLegend } from './legend-view.ts';

export interface ControlsHandlers {
  onLayer(group: LayerGroup, visible: boolean): void;
  onCorridor(id: string, visible: boolean): void;
  onSectors(sectors: string[] | null): void;
  onTime(time: TimeFilter): void;
  onMetric(metric: ProvinceMetric): void;
  onAnimate(on: boolean): void;
  /** The legend for a state (it includes imported datasets, which this panel does not know). */
  legend(state: AppState): LegendGroup[];
  /** Dates of imported rows widen the time slider's range. */
  extraDates: string[];
  /** Two periods compared, or null to stop comparing. */
  onCompare(compare: PeriodPair | null): void;
  /** Earliest and latest date of imported rows; null when none is dated (the comparison is then disabled). */
  compareDomain: [string, string] | null;
}

export interface ControlsView {
  /** `reducedMotion`: the system asks for it, so the animation toggle is disabled (the state keeps its value). */
  update(state: AppState, reducedMotion?: boolean): void;
}

export function createControls(
  container: HTMLElement,
  atlas: AtlasData,
  lang: Lang,
  theme: Theme,
  handlers: ControlsHandlers,
): ControlsView {
  const checkbox = (
    id: string,
    label: string,
    onChange: (checked: boolean) => void,
    swatch?: string,
    note?: string,
  ) => {
    const input = el('input', { attrs: { type: 'checkbox', id } });
    input.addEventListener('change', () => onChange(input.checked));
    const box = el('label', { className: 'toggle', attrs: { for: id } }, input);
    if (swatch) {
      const dot = el('span', { className: 'swatch', attrs: { 'aria-hidden': 'true' } });
      dot.style.background = swatch;
      box.append(dot);
    }
    box.append(el('span', { text: label }));
    if (note) box.append(el('span', { className: 'toggle-note', text: note }));
    return { box, input };
  };

  const layerInputs = new Map<LayerGroup, HTMLInputElement>();
  const layerList = el('div', { className: 'toggle-list' });
  for (const group of LAYER_GROUPS) {
    const { box, input } = checkbox(`layer-${group}`, t(lang, `layer.${group}` as MessageKey), (on) =>
      handlers.onLayer(group, on),
    );
    layerInputs.set(group, input);
    layerList.append(box);
  }

  // "Animate flows": off by default; disabled, with the reason beside it, when the system asks for reduced motion.
  const animate = checkbox('animate-flows', t(lang, 'controls.animate'), handlers.onAnimate);
  const animateNote = el('span', {
    className: 'toggle-note',
    text: t(lang, 'controls.animateReduced'),
    attrs: { id: 'animate-flows-note' },
  });
  animate.box.append(animateNote);
  layerList.append(animate.box);

  const corridorInputs = new Map<string, HTMLInputElement>();
  const corridorList = el('div', { className: 'toggle-list' });
  for (const corridor of atlas.corridors) {
    const { box, input } = checkbox(
      `corridor-${corridor.id}`,
      corridor.shortName[lang],
      (on) => handlers.onCorridor(corridor.id, on),
      corridor.colour,
    );
    corridorInputs.set(corridor.id, input);
    corridorList.append(box);
  }

  const counts = sectorCounts(atlas);
  const allSectors = atlas.sectors.map((s) => s.id);
  let current: AppState | null = null;
  const sectorInputs = new Map<string, HTMLInputElement>();
  const sectorList = el('div', { className: 'toggle-list' });
  for (const sector of atlas.sectors) {
    const c = counts.get(sector.id)!;
    const { box, input } = checkbox(
      `sector-${sector.id}`,
      sector.name[lang],
      (on) => {
        const active = current?.sectors ?? allSectors;
        const next = on ? [...new Set([...active, sector.id])] : active.filter((id) => id !== sector.id);
        handlers.onSectors(next.length === allSectors.length ? null : allSectors.filter((id) => next.includes(id)));
      },
      sector.colour,
      tf(lang, 'controls.sectorCount', { facts: c.facts, links: c.links, provinces: c.provinces }),
    );
    sectorInputs.set(sector.id, input);
    sectorList.append(box);
  }
  const allButton = el('button', { text: t(lang, 'controls.all'), attrs: { type: 'button', id: 'sectors-all' } });
  allButton.addEventListener('click', () => handlers.onSectors(null));
  const noneButton = el('button', { text: t(lang, 'controls.none'), attrs: { type: 'button', id: 'sectors-none' } });
  noneButton.addEventListener('click', () => handlers.onSectors([]));

  const timeFilter = createTimeFilter(
    lang,
    dateDomain([...atlas.facts, ...atlas.links].map((r) => r.date).concat(handlers.extraDates)),
    handlers.onTime,
  );
  const compare = createCompareControl(lang, handlers.compareDomain, handlers.onCompare);
  const metric = el('select', { attrs: { id: 'province-metric' } });
  for (const id of PROVINCE_METRICS)
    metric.append(el('option', { text: t(lang, `metric.${id}`), attrs: { value: id } }));
  metric.addEventListener('change', () => handlers.onMetric(metric.value as ProvinceMetric));

  const legend = el('div', { className: 'legend', attrs: { id: 'legend' } });
  container.replaceChildren(
    el('h2', { className: 'controls-heading', text: t(lang, 'controls.layers') }),
    layerList,
    el('h3', { text: t(lang, 'controls.corridors') }),
    corridorList,
    el('h3', { text: t(lang, 'controls.sectors') }),
    el('div', { className: 'button-row' }, allButton, noneButton),
    sectorList,
    timeFilter.element,
    compare.element,
    el(
      'label',
      { className: 'select-row', attrs: { for: 'province-metric' } },
      el('span', { text: t(lang, 'controls.metric') }),
      metric,
    ),
    el('h2', { className: 'controls-heading', text: t(lang, 'legend.title') }),
    legend,
  );

  return {
    update(state, reducedMotion = false) {
      current = state;
      animate.input.checked = state.animate && !reducedMotion;
      animate.input.disabled = reducedMotion;
      animateNote.hidden = !reducedMotion;
      if (reducedMotion) animate.input.setAttribute('aria-describedby', animateNote.id);
      else animate.input.removeAttribute('aria-describedby');
      for (const [group, input] of layerInputs) input.checked = state.layers[group];
      for (const [id, input] of corridorInputs) input.checked = state.corridors.includes(id);
      for (const [id, input] of sectorInputs) input.checked = state.sectors === null || state.sectors.includes(id);
      timeFilter.update(state.time);
      compare.update(state.compare);
      metric.value = state.metric;
      renderLegend(legend, handlers.legend(state));
    },
  };
}
