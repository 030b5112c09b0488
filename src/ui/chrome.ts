// The page around the map: localized static text, direction, loading/error status and notices.
import { dirOf, t, type Lang, type MessageKey } from '../core/i18n/i18n.ts';

/** Sets `lang`/`dir` on <html> and fills every [data-i18n] / [data-i18n-label] element. */
export function applyLanguage(lang: Lang, root: ParentNode = document): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = dirOf(lang);
  document.title = `${t(lang, 'app.title')} · ${t(lang, 'app.subtitle')}`;
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    element.textContent = t(lang, element.dataset['i18n'] as MessageKey);
  }
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    element.setAttribute('aria-label', t(lang, element.dataset['i18nLabel'] as MessageKey));
  }
}

export function showStatus(element: HTMLElement, text: string | null, kind: 'loading' | 'error' = 'loading'): void {
  element.hidden = text === null;
  element.dataset['kind'] = kind;
  element.textContent = text ?? '';
}

export function showNotice(container: HTMLElement, lang: Lang, key: MessageKey): void {
  const notice = document.createElement('div');
  notice.className = 'notice';
  notice.dataset['key'] = key;
  const text = document.createElement('span');
  text.textContent = t(lang, key);
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.textContent = t(lang, 'notice.dismiss');
  dismiss.addEventListener('click', () => notice.remove());
  notice.append(text, dismiss);
  container.append(notice);
}

export interface ChromeElements {
  langSwitch: HTMLElement;
  fit: HTMLElement;
  controls: HTMLElement;
  controlsToggle: HTMLElement;
  map: HTMLElement;
}

export interface ChromeHandlers {
  switchLanguage(): void;
  fitRegion(): void;
  /** Esc anywhere outside the panels that handle it themselves. */
  escape(): void;
  pointerLeftMap(): void;
}

/** The header's language and fit buttons, the phone layer panel's toggle, Esc, and the pointer leaving the map. */
export function bindChrome(ui: ChromeElements, handlers: ChromeHandlers): void {
  ui.langSwitch.addEventListener('click', handlers.switchLanguage);
  ui.fit.addEventListener('click', handlers.fitRegion);
  const setControlsOpen = (open: boolean) => {
    ui.controls.classList.toggle('open', open);
    ui.controlsToggle.setAttribute('aria-expanded', String(open));
  };
  ui.controlsToggle.addEventListener('click', () => setControlsOpen(!ui.controls.classList.contains('open')));
  // On phones the layer panel covers the map: Esc inside it closes it and returns to its button.
  ui.controls.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !ui.controls.classList.contains('open')) return;
    event.stopPropagation();
    setControlsOpen(false);
    ui.controlsToggle.focus();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') handlers.escape();
  });
  ui.map.addEventListener('mouseleave', handlers.pointerLeftMap);
}
