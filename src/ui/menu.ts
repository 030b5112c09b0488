// A header drop-down: a toggle button and a list of buttons built when it opens. Esc or a click
// elsewhere closes it; focus moves into the list so keyboard users land on the first item. If its
// items cannot be made it closes again.
import { el } from './dom.ts';

export interface MenuItem {
  label: string;
  attrs?: Record<string, string>;
  choose(): void;
}

export function bindMenu(toggle: HTMLElement, menu: HTMLElement, items: () => MenuItem[] | Promise<MenuItem[]>): void {
  const close = (): void => {
    menu.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
  };
  toggle.addEventListener('click', async () => {
    if (!menu.hidden) return close();
    menu.hidden = false;
    toggle.setAttribute('aria-expanded', 'true');
    let entries: MenuItem[];
    try {
      entries = await items();
    } catch (error) {
      // The items could not be made (a chunk that failed to load): the menu closes; its owner says why.
      close();
      console.error('menu failed to open', error);
      return;
    }
    menu.replaceChildren(
      ...entries.map((item) => {
        const button = el('button', { text: item.label, attrs: { type: 'button', ...item.attrs } });
        button.addEventListener('click', () => {
          close();
          item.choose();
        });
        return el('li', {}, button);
      }),
    );
    menu.querySelector('button')?.focus();
  });
  menu.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    close();
    toggle.focus();
  });
  document.addEventListener('click', (event) => {
    if (!menu.hidden && !menu.contains(event.target as Node) && !toggle.contains(event.target as Node)) close();
  });
}
