// "Compare two periods" in the layer panel: a start and an end date for periods A and B, a Compare and a
// Stop button, and a line that states the periods compared (Jalali in Persian, as the time filter's) or
// what is wrong with them. Without dated imported rows there is nothing to compare: the control says so.
import { periodProblem, type Period, type PeriodPair } from '../state/compare-state.ts';
import { formatDateRange } from '../core/i18n/format.ts';
import { t, tf, type Lang } from '../core/i18n/i18n.ts';
import { el } from './dom.ts';

export interface CompareControl {
  element: HTMLElement;
  update(compare: PeriodPair | null): void;
}

const DAY_MS = 86_400_000;
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A first guess for A and B: the two halves of the dated rows' range. */
function halves([min, max]: [string, string]): PeriodPair {
  const [a, b] = [Date.parse(`${min}T00:00:00Z`), Date.parse(`${max}T00:00:00Z`)];
  const middle = a + Math.floor((b - a) / DAY_MS / 2) * DAY_MS;
  if (a === b) return { a: { from: min, to: min }, b: { from: max, to: max } };
  return { a: { from: min, to: isoOf(middle) }, b: { from: isoOf(middle + DAY_MS), to: max } };
}

/** `domain` is the earliest and latest date of imported rows; null when none is dated. */
export function createCompareControl(
  lang: Lang,
  domain: [string, string] | null,
  onChange: (compare: PeriodPair | null) => void,
): CompareControl {
  const dateInput = (id: string, label: string) =>
    el('input', {
      attrs: {
        type: 'date',
        id,
        'aria-label': label,
        ...(domain ? { min: domain[0], max: domain[1] } : {}),
      },
    });
  const row = (key: 'a' | 'b') => {
    const name = t(lang, key === 'a' ? 'compare.a' : 'compare.b');
    const from = dateInput(`compare-${key}-from`, `${name}: ${t(lang, 'compare.from')}`);
    const to = dateInput(`compare-${key}-to`, `${name}: ${t(lang, 'compare.to')}`);
    const element = el(
      'div',
      { className: 'compare-row' },
      el('span', { className: 'compare-name', text: name }),
      from,
      el('span', { text: t(lang, 'compare.to') }),
      to,
    );
    return { element, from, to };
  };
  const [a, b] = [row('a'), row('b')];
  const apply = el('button', { text: t(lang, 'compare.apply'), attrs: { type: 'button', id: 'compare-apply' } });
  const clear = el('button', { text: t(lang, 'compare.clear'), attrs: { type: 'button', id: 'compare-clear' } });
  const message = el('p', { className: 'compare-message', attrs: { id: 'compare-message', 'aria-live': 'polite' } });
  const element = el(
    'fieldset',
    { className: 'compare-periods', attrs: { id: 'compare-periods' } },
    el('legend', { text: t(lang, 'compare.title') }),
    a.element,
    b.element,
    el('div', { className: 'button-row' }, apply, clear),
    message,
  );
  const inputs = [a.from, a.to, b.from, b.to];
  if (!domain) {
    for (const control of [...inputs, apply, clear]) control.disabled = true;
    message.textContent = t(lang, 'compare.disabled');
    element.setAttribute('aria-describedby', 'compare-message');
    return { element, update: () => {} };
  }

  const periodOf = (from: HTMLInputElement, to: HTMLInputElement): Period | null => {
    if (!from.value || !to.value) return null;
    return from.value <= to.value ? { from: from.value, to: to.value } : { from: to.value, to: from.value };
  };
  apply.addEventListener('click', () => {
    const [pa, pb] = [periodOf(a.from, a.to), periodOf(b.from, b.to)];
    const problem = periodProblem(pa, pb);
    if (problem) {
      message.textContent = t(lang, problem === 'overlap' ? 'compare.overlap' : 'compare.incomplete');
      message.classList.add('compare-error');
      return;
    }
    onChange({ a: pa!, b: pb! });
  });
  clear.addEventListener('click', () => onChange(null));

  let current: PeriodPair | null | undefined;
  return {
    element,
    update(compare) {
      if (compare === current) return;
      current = compare;
      const shown = compare ?? halves(domain);
      [a.from.value, a.to.value, b.from.value, b.to.value] = [shown.a.from, shown.a.to, shown.b.from, shown.b.to];
      clear.disabled = compare === null;
      message.classList.remove('compare-error');
      message.textContent = compare
        ? tf(lang, 'compare.readout', {
            a: formatDateRange(lang, compare.a.from, compare.a.to),
            b: formatDateRange(lang, compare.b.from, compare.b.to),
          })
        : '';
    },
  };
}
