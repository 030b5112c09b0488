// Renders legend groups (legend-model.ts) as DOM; used by the layer panel and the embed legend. Entries a
// selection does not reach are faded (`legend-faded`) and say so in a visually hidden note.
import { el } from './dom.ts';
import type { LegendGroup } from '../model/legend-model.ts';

export function renderLegend(container: HTMLElement, groups: LegendGroup[]): void {
  container.replaceChildren(
    ...groups.map((group) =>
      el(
        'div',
        { className: 'legend-group' },
        el('h4', { text: group.heading }),
        el(
          'ul',
          {},
          ...group.entries.map((entry) => {
            const mark = el('span', {
              className: `legend-mark legend-${entry.shape}${entry.casing ? ' legend-cased' : ''}`,
              attrs: { 'aria-hidden': 'true' },
            });
            mark.style.setProperty('--mark', entry.colour);
            if (entry.casing) mark.style.setProperty('--casing', entry.casing);
            // dir="auto": an imported file's name may run the other way from the UI.
            const item = el('li', {}, mark, el('span', { text: entry.label, attrs: { dir: 'auto' } }));
            // Faded with its marks outside the selection's focus; the words say so to screen readers.
            if (entry.faded) {
              item.classList.add('legend-faded');
              item.append(el('span', { className: 'visually-hidden', text: ` (${entry.faded})` }));
            }
            return item;
          }),
        ),
      ),
    ),
  );
}
