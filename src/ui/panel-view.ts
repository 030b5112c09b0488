// Renders a PanelModel as DOM: the hover card near the pointer and the pinned side panel.
// Titles and item texts may be an imported file's, in either direction: each is bidi-isolated
// (<bdi>, or dir="auto" on inline elements), so it reads right inside the other language's UI.
import type { EntityRef } from '../state/state.ts';
import { t, type Lang } from '../core/i18n/i18n.ts';
import type { PanelItem, PanelModel, SourceNote } from '../model/panel-model.ts';
import { el, present, safeUrl } from './dom.ts';

export interface PanelHandlers {
  onSelect(ref: EntityRef): void;
  onClose(): void;
}

/**
 * Sent (bubbling, from the side panel) by an imported arc's or place's "Show these rows in the table", with the
 * panel's ref as `detail`: the table opens on the rows behind it (`Session.tableRows`).
 */
export const OPEN_TABLE_EVENT = 'atlas-open-table';

export function renderSidePanel(
  container: HTMLElement,
  model: PanelModel | null,
  lang: Lang,
  handlers: PanelHandlers,
): void {
  container.hidden = model === null;
  if (!model) {
    container.replaceChildren();
    return;
  }
  const close = el('button', {
    className: 'panel-close',
    text: '×',
    attrs: { type: 'button', 'aria-label': t(lang, 'panel.close'), title: t(lang, 'panel.close') },
  });
  close.addEventListener('click', handlers.onClose);
  const heading = el(
    'h2',
    { className: 'panel-title', attrs: { id: 'side-panel-title' } },
    el('bdi', { text: model.title }),
  );
  container.setAttribute('aria-labelledby', 'side-panel-title');
  container.dataset['entity'] = `${model.ref.kind}:${model.ref.id}`;
  container.replaceChildren(
    ...present(
      el('header', { className: 'panel-header' }, heading, close),
      el('p', { className: 'panel-subtitle', text: model.subtitle }),
      model.empty ? el('p', { className: 'panel-empty', text: model.empty }) : null,
      ...model.sections.map((section) =>
        el(
          'section',
          { className: 'panel-section' },
          el('h3', { text: section.heading }),
          el('ul', {}, ...section.items.map((item) => itemView(item, lang, handlers, model.ref))),
        ),
      ),
    ),
  );
}

export function renderHoverCard(container: HTMLElement, model: PanelModel | null, pointer: [number, number]): void {
  if (!model) {
    container.hidden = true;
    return;
  }
  container.replaceChildren(
    ...present(
      el('strong', { className: 'hover-title' }, el('bdi', { text: model.title })),
      el('span', { className: 'hover-subtitle', text: model.subtitle }),
      model.empty ? el('span', { className: 'hover-empty', text: model.empty }) : null,
      ...model.sections.flatMap((s) =>
        s.items.flatMap((item) => [
          el(
            'span',
            { className: 'hover-item' },
            el('bdi', { text: item.detail ? `${item.text} (${item.detail})` : item.text }),
          ),
          ...(item.notes ?? []).map((note) =>
            el('span', { className: 'hover-note', text: note, attrs: { dir: 'auto' } }),
          ),
        ]),
      ),
    ),
  );
  container.dataset['entity'] = `${model.ref.kind}:${model.ref.id}`;
  container.hidden = false;
  placeNearPointer(container, pointer);
}

function itemView(item: PanelItem, lang: Lang, handlers: PanelHandlers, ref: EntityRef): HTMLLIElement {
  if (item.action === 'open-table') {
    const button = el('button', { className: 'panel-link', text: item.text, attrs: { type: 'button' } });
    button.dataset['action'] = item.action;
    button.addEventListener('click', () =>
      button.dispatchEvent(new CustomEvent(OPEN_TABLE_EVENT, { bubbles: true, detail: ref })),
    );
    return el('li', {}, button);
  }
  const text = item.target
    ? el('button', { className: 'panel-link', text: item.text, attrs: { type: 'button', dir: 'auto' } })
    : item.text
      ? el('span', { className: 'panel-text', text: item.text, attrs: { dir: 'auto' } })
      : null;
  if (item.target && text) {
    const target = item.target;
    text.addEventListener('click', () => handlers.onSelect(target));
  }
  return el(
    'li',
    {},
    text,
    item.detail ? el('span', { className: 'panel-detail', text: item.detail, attrs: { dir: 'auto' } }) : null,
    item.chips?.length ? el('span', { className: 'chips' }, ...item.chips.map((c) => chip(c.label, c.colour))) : null,
    ...(item.notes ?? []).map((note) => el('p', { className: 'panel-note', text: note, attrs: { dir: 'auto' } })),
    ...(item.sources ?? []).map((s) => sourceView(s, lang)),
  );
}

function chip(label: string, colour: string): HTMLElement {
  const node = el('span', { className: 'chip', text: label });
  node.style.setProperty('--chip', colour);
  return node;
}

function sourceView(source: SourceNote, lang: Lang): HTMLElement {
  const url = safeUrl(source.url);
  if (source.excerpt) {
    return el(
      'details',
      { className: 'source' },
      el(
        'summary',
        {},
        el('span', { text: `${source.label} ` }),
        source.file ? el('bdi', { className: 'source-file', text: source.file, attrs: { dir: 'ltr' } }) : null,
      ),
      el('blockquote', {
        text: source.excerpt,
        attrs: { lang: 'fa', dir: 'rtl', 'aria-label': t(lang, 'panel.excerpt') },
      }),
      source.excerptNote ? el('p', { className: 'source-note', text: source.excerptNote }) : null,
      url
        ? el('a', {
            className: 'source-url',
            text: t(lang, 'panel.openReport'),
            attrs: { href: url, target: '_blank', rel: 'noopener noreferrer' },
          })
        : null,
    );
  }
  if (url)
    return el('a', {
      className: 'source',
      text: source.label,
      attrs: { href: url, target: '_blank', rel: 'noopener noreferrer' },
    });
  return el('span', { className: 'source', text: source.label });
}

/** Keeps the card inside its container: it flips to the other side of the pointer near the far edges. */
function placeNearPointer(card: HTMLElement, [x, y]: [number, number]): void {
  const parent = card.offsetParent as HTMLElement | null;
  const width = parent?.clientWidth ?? window.innerWidth;
  const height = parent?.clientHeight ?? window.innerHeight;
  const left = x + 16 + card.offsetWidth > width ? x - 16 - card.offsetWidth : x + 16;
  const top = y + 16 + card.offsetHeight > height ? y - 16 - card.offsetHeight : y + 16;
  card.style.transform = `translate(${Math.max(4, left)}px, ${Math.max(4, top)}px)`;
}
