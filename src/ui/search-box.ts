// Search field with a results list (ARIA combobox): type in Persian or English, pick with the
// mouse or with arrows and Enter.
import { buildSearchIndex, search, type SearchEntry } from '../model/search.ts';
import type { EntityRef } from '../state/state.ts';
import type { AtlasData } from '../core/atlas.ts';
import { t, type Lang, type MessageKey } from '../core/i18n/i18n.ts';
import { el } from './dom.ts';

export function createSearchBox(
  container: HTMLElement,
  atlas: AtlasData,
  lang: Lang,
  onPick: (ref: EntityRef) => void,
): void {
  const index = buildSearchIndex(atlas);
  const input = el('input', {
    className: 'search-input',
    attrs: {
      type: 'search',
      id: 'search',
      role: 'combobox',
      'aria-expanded': 'false',
      'aria-controls': 'search-results',
      'aria-autocomplete': 'list',
      placeholder: t(lang, 'search.placeholder'),
      'aria-label': t(lang, 'search.label'),
      autocomplete: 'off',
    },
  });
  const list = el('ul', { className: 'search-results', attrs: { id: 'search-results', role: 'listbox' } });
  list.hidden = true;
  let results: SearchEntry[] = [];
  let active = -1;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  };
  const pick = (entry: SearchEntry | undefined) => {
    if (!entry) return;
    input.value = entry.name[lang];
    close();
    onPick(entry.ref);
  };
  const show = () => {
    results = search(index, input.value);
    active = -1;
    list.replaceChildren(
      ...(results.length === 0
        ? [el('li', { className: 'search-empty', text: t(lang, 'search.noResults') })]
        : results.map((entry, i) => {
            const option = el(
              'li',
              { attrs: { role: 'option', id: `search-option-${i}`, 'aria-selected': 'false' } },
              el('span', { text: entry.name[lang] }),
              el('span', { className: 'search-kind', text: t(lang, `kind.${entry.ref.kind}` as MessageKey) }),
            );
            option.addEventListener('mousedown', (event) => {
              event.preventDefault(); // keep focus in the field
              pick(entry);
            });
            return option;
          })),
    );
    list.hidden = input.value.trim() === '';
    input.setAttribute('aria-expanded', String(!list.hidden));
  };
  const highlight = (next: number) => {
    if (results.length === 0) return;
    active = (next + results.length) % results.length;
    [...list.children].forEach((child, i) => child.setAttribute('aria-selected', String(i === active)));
    input.setAttribute('aria-activedescendant', `search-option-${active}`);
  };

  input.addEventListener('input', show);
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') highlight(active + 1);
    else if (event.key === 'ArrowUp') highlight(active - 1);
    else if (event.key === 'Enter') pick(results[Math.max(active, 0)]);
    else if (event.key === 'Escape') close();
    else return;
    event.preventDefault();
    event.stopPropagation();
  });
  container.replaceChildren(input, list);
}
