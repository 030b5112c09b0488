// Reads app state from the page URL and writes it back. Bad values fall back to defaults with a notice.
import { isLang, type Lang, type MessageKey } from '../i18n/i18n.ts';

export const DEFAULT_LANG: Lang = 'fa';

export interface UrlState {
  lang: Lang;
  /** Message keys for values that were ignored; shown to the user in their language. */
  notices: MessageKey[];
}

export function parseUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const notices: MessageKey[] = [];
  const rawLang = params.get('lang');
  let lang = DEFAULT_LANG;
  if (rawLang !== null) {
    if (isLang(rawLang)) lang = rawLang;
    else notices.push('notice.badLang');
  }
  return { lang, notices };
}

/** Returns `search` with the state's parameters replaced, keeping parameters it does not own. */
export function writeUrlState(search: string, state: { lang: Lang }): string {
  const params = new URLSearchParams(search);
  params.set('lang', state.lang);
  return `?${params.toString()}`;
}
