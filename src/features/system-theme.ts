// The system's light or dark setting (`prefers-color-scheme`), followed live: the theme drawn when
// the link names none.
import type { Store } from '../state/store.ts';
import type { Session } from '../state/state.ts';

const query = () => window.matchMedia('(prefers-color-scheme: dark)');

export const systemTheme = (): Session['systemTheme'] => (query().matches ? 'dark' : 'light');

export function followSystemTheme(store: Store): void {
  query().addEventListener('change', () => store.updateSession({ systemTheme: systemTheme() }));
}
