// The postMessage API for pages that embed the atlas. Only well-formed messages from allowed
// origins are acted on; anything else is ignored and logged. Policy: with no `origins` URL
// parameter every origin may send commands (the atlas holds no private data); `origins=a,b` limits
// it to those origins, and replies go to the first of them instead of '*'.
import { isLang, type Lang } from '../i18n/i18n.ts';
import { parseView } from './url-state.ts';
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
      if (!Array.isArray(center) || center.length !== 2 || typeof v?.zoom !== 'number' || !center.every((x) => typeof x === 'number')) return null;
      const view = parseView(`${center[0]},${center[1]},${v.zoom}`);
      return view ? { type: 'setView', view } : null;
    }
    case 'select':
      return m['id'] === null || (typeof m['id'] === 'string' && m['id'].length <= 64) ? { type: 'select', id: m['id'] as string | null } : null;
    case 'setLang':
      return isLang(m['lang']) ? { type: 'setLang', lang: m['lang'] } : null;
    case 'next':
    case 'previous':
      return { type: m['type'] };
    case 'scene':
      return typeof m['story'] === 'string' && m['story'].length <= 64 && Number.isInteger(m['scene']) && (m['scene'] as number) >= 1
        ? { type: 'scene', story: m['story'], scene: m['scene'] as number }
        : null;
    default:
      return null;
  }
}

/** Allowed origins from the `origins` parameter; null means any origin. */
export function allowedOrigins(search: string): string[] | null {
  const raw = new URLSearchParams(search).get('origins');
  if (!raw) return null;
  const origins = raw
    .split(',')
    .map((o) => o.trim())
    .filter((o) => /^https?:\/\/[^/\s]+$/.test(o) || o === 'null');
  return origins.length > 0 ? origins : null;
}

export function isAllowedOrigin(origin: string, allowed: string[] | null): boolean {
  return allowed === null || allowed.includes(origin);
}
