// The postMessage API for pages that embed the atlas: command parsing and the origin policy. Nothing here throws.
// A message is acted on only when both hold:
//  1. Its origin is allowed. No `origins` URL parameter (or a blank one): any origin, since the atlas holds no
//     private data and commands do only what a visitor can do by hand; replies go to '*'. `origins=a,b`: only
//     those exact origins (scheme, host and port, as MessageEvent.origin gives them; `null` for file:// or
//     sandboxed pages), and replies go to the first. A value naming no valid origin allows none (fail closed),
//     so a typo cannot open the atlas to every page.
//  2. It is exactly one of the documented commands (HostCommand): `source: 'corridor-atlas'`, a known `type`, and
//     its fields of the documented types and ranges. Other fields are ignored and never copied into the command.
// Anything else is ignored and logged by the presenter.
import { isLang, type Lang } from '../core/i18n/i18n.ts';
import { parseView } from './url-state.ts';

export { allowedOrigins } from './url-state.ts';
import type { ViewState } from './state.ts';

export const MESSAGE_SOURCE = 'corridor-atlas';

export type HostCommand =
  | { type: 'setView'; view: ViewState }
  | { type: 'select'; id: string | null }
  | { type: 'setLang'; lang: Lang }
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'scene'; story: string; scene: number };

/** A command, or null for anything that is not exactly one of the documented messages. */
export function parseHostMessage(data: unknown): HostCommand | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const m = data as Record<string, unknown>;
  if (m['source'] !== MESSAGE_SOURCE || typeof m['type'] !== 'string') return null;
  switch (m['type']) {
    case 'setView': {
      const v = m['view'] as { center?: unknown; zoom?: unknown } | undefined;
      const center = v?.center;
      if (
        !Array.isArray(center) ||
        center.length !== 2 ||
        typeof v?.zoom !== 'number' ||
        !center.every((x) => typeof x === 'number')
      )
        return null;
      const view = parseView(`${center[0]},${center[1]},${v.zoom}`);
      return view ? { type: 'setView', view } : null;
    }
    case 'select':
      return m['id'] === null || (typeof m['id'] === 'string' && m['id'].length <= 64)
        ? { type: 'select', id: m['id'] as string | null }
        : null;
    case 'setLang':
      return isLang(m['lang']) ? { type: 'setLang', lang: m['lang'] } : null;
    case 'next':
    case 'previous':
      return { type: m['type'] };
    case 'scene':
      return typeof m['story'] === 'string' &&
        m['story'].length <= 64 &&
        Number.isSafeInteger(m['scene']) &&
        (m['scene'] as number) >= 1
        ? { type: 'scene', story: m['story'], scene: m['scene'] as number }
        : null;
    default:
      return null;
  }
}

export function isAllowedOrigin(origin: string, allowed: string[] | null): boolean {
  return allowed === null || allowed.includes(origin);
}
