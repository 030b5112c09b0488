// The time filter: two range sliders over the days between the earliest and latest dated record,
// the chosen dates written out (Jalali in Persian), and a switch for undated records.
import { isAllTime, type TimeFilter } from '../state/filters.ts';
import { formatDate } from '../core/i18n/format.ts';
import { t, type Lang } from '../core/i18n/i18n.ts';
import { el } from './dom.ts';

const DAY_MS = 86_400_000;
const dayIndex = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoOf = (index: number) => new Date(index * DAY_MS).toISOString().slice(0, 10);

export interface TimeFilterView {
  element: HTMLElement;
  update(time: TimeFilter): void;
}

/** `domain` is [earliest, latest]; with no dated records only the undated switch shows. */
export function createTimeFilter(
  lang: Lang,
  domain: [string, string] | null,
  onChange: (time: TimeFilter) => void,
): TimeFilterView {
  const undated = el('input', { attrs: { type: 'checkbox', id: 'time-undated' } });
  const undatedBox = el(
    'label',
    { className: 'toggle', attrs: { for: 'time-undated' } },
    undated,
    el('span', { text: t(lang, 'time.undated') }),
  );
  const reset = el('button', { text: t(lang, 'time.reset'), attrs: { type: 'button', id: 'time-reset' } });
  const readout = el('p', { className: 'time-readout', attrs: { id: 'time-readout', 'aria-live': 'polite' } });
  const element = el('fieldset', { className: 'time-filter' }, el('legend', { text: t(lang, 'time.title') }));
  const [min, max] = domain ? [dayIndex(domain[0]), dayIndex(domain[1])] : [0, 0];
  const slider = (id: string, label: string) =>
    el('input', { attrs: { type: 'range', id, min: String(min), max: String(max), step: '1', 'aria-label': label } });
  const from = slider('time-from', t(lang, 'time.from'));
  const to = slider('time-to', t(lang, 'time.to'));
  if (domain) element.append(el('div', { className: 'time-sliders' }, from, to), readout);
  element.append(el('div', { className: 'button-row' }, undatedBox, reset));

  let current: TimeFilter | null = null;
  const emit = () => {
    let a = Number(from.value);
    let b = Number(to.value);
    if (a > b) [a, b] = [b, a]; // the thumbs may cross; the range is what lies between them
    onChange({ from: a === min ? null : isoOf(a), to: b === max ? null : isoOf(b), undated: undated.checked });
  };
  from.addEventListener('input', emit);
  to.addEventListener('input', emit);
  undated.addEventListener('change', emit);
  reset.addEventListener('click', () => onChange({ from: null, to: null, undated: true }));

  return {
    element,
    update(time) {
      if (current === time) return;
      current = time;
      const a = time.from ? Math.max(min, dayIndex(time.from)) : min;
      const b = time.to ? Math.min(max, dayIndex(time.to)) : max;
      from.value = String(a);
      to.value = String(b);
      from.setAttribute('aria-valuetext', formatDate(lang, isoOf(a)));
      to.setAttribute('aria-valuetext', formatDate(lang, isoOf(b)));
      undated.checked = time.undated;
      readout.textContent = `${formatDate(lang, isoOf(a))} – ${formatDate(lang, isoOf(b))}`;
      reset.disabled = isAllTime(time);
    },
  };
}
