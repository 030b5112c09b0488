// Property tests of the postMessage API: any message or origins value is either refused or read exactly as documented.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedOrigins,
  isAllowedOrigin,
  MESSAGE_SOURCE,
  parseHostMessage,
  type HostCommand,
} from '../../src/state/host-messages.ts';
import { REGION_EXTENT } from '../../src/core/geodata.ts';
import { ZOOM_RANGE } from '../../src/state/url-state.ts';

const RUNS = { numRuns: 1000 };
const [[WEST, SOUTH], [EAST, NORTH]] = REGION_EXTENT;

/** The documented shape of each command, checked independently of the parser: exact keys, types and ranges. */
function isDocumentedCommand(command: unknown): command is HostCommand {
  if (typeof command !== 'object' || command === null) return false;
  const c = command as Record<string, unknown>;
  const keys = Object.keys(c).sort().join();
  const shortString = (v: unknown) => typeof v === 'string' && v.length <= 64;
  switch (c['type']) {
    case 'setView': {
      const view = c['view'] as Record<string, unknown> | null;
      if (
        keys !== 'type,view' ||
        typeof view !== 'object' ||
        view === null ||
        Object.keys(view).sort().join() !== 'center,zoom'
      )
        return false;
      const [lon, lat] = view['center'] as number[];
      const zoom = view['zoom'] as number;
      return (
        Array.isArray(view['center']) &&
        (view['center'] as unknown[]).length === 2 &&
        lon! >= WEST &&
        lon! <= EAST &&
        lat! >= SOUTH &&
        lat! <= NORTH &&
        zoom >= ZOOM_RANGE[0] &&
        zoom <= ZOOM_RANGE[1]
      );
    }
    case 'select':
      return keys === 'id,type' && (c['id'] === null || shortString(c['id']));
    case 'setLang':
      return keys === 'lang,type' && (c['lang'] === 'fa' || c['lang'] === 'en');
    case 'next':
    case 'previous':
      return keys === 'type';
    case 'scene':
      return (
        keys === 'scene,story,type' &&
        shortString(c['story']) &&
        Number.isSafeInteger(c['scene']) &&
        (c['scene'] as number) >= 1
      );
    default:
      return false;
  }
}

const anything = fc.anything({
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withObjectString: true,
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
  withUnicodeString: true,
});

/** A field value from a valid pool or an invalid one; `ok` says which, so the expected outcome is known. */
type Field = { ok: boolean; value: unknown };
const good = (arb: fc.Arbitrary<unknown>) => arb.map((value): Field => ({ ok: true, value }));
const bad = (arb: fc.Arbitrary<unknown>) => arb.map((value): Field => ({ ok: false, value }));
const badNumber = fc.oneof(
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 1e300, 5e-324),
  fc.double({ min: 1000, noNaN: true }),
  fc.double({ max: -1, noNaN: true }),
);
const wrongType = fc.oneof(
  fc.string(),
  fc.boolean(),
  fc.constant(undefined),
  fc.constant(null),
  fc.array(fc.nat()),
  fc.object(),
  fc.bigInt(),
);

const lon = fc.oneof(
  good(fc.double({ min: WEST, max: EAST, noNaN: true })),
  bad(badNumber),
  bad(fc.double({ min: WEST, max: EAST, noNaN: true }).map(String)),
);
const lat = fc.oneof(good(fc.double({ min: SOUTH, max: NORTH, noNaN: true })), bad(badNumber), bad(wrongType));
const zoom = fc.oneof(
  good(fc.double({ min: ZOOM_RANGE[0], max: ZOOM_RANGE[1], noNaN: true })),
  bad(fc.constantFrom(0, 1.49, 10.01, 99, Number.NaN)),
  bad(wrongType),
);
const view = fc.oneof(
  fc
    .tuple(lon, lat, zoom)
    .map(([x, y, z]): Field => ({ ok: x.ok && y.ok && z.ok, value: { center: [x.value, y.value], zoom: z.value } })),
  bad(
    fc.oneof(
      wrongType,
      fc.tuple(fc.double(), fc.double(), fc.double()).map(([x, y, z]) => ({ center: [x, y, z], zoom: 3 })),
      fc.constant({ center: [58, 38] }),
    ),
  ),
);
// BMP code units only, so 64 units are 64 UTF-16 code units (the documented limit), lone surrogates included.
const shortString = fc.string({
  maxLength: 64,
  unit: fc.oneof(
    fc.constantFrom('<', '>', '"', '&', '\u0000', '\u202e'),
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  ),
});
const longString = fc.string({ minLength: 65, maxLength: 200 });
const id = fc.oneof(
  good(shortString),
  good(fc.constant(null)),
  bad(longString),
  bad(fc.oneof(fc.integer(), fc.boolean(), fc.constant(undefined), fc.object())),
);
const lang = fc.oneof(
  good(fc.constantFrom('fa', 'en')),
  bad(fc.constantFrom('FA', 'en ', 'de', '', 'fa-IR', 'constructor')),
  bad(wrongType),
);
const story = fc.oneof(
  good(shortString),
  bad(longString),
  bad(fc.oneof(fc.integer(), fc.constant(null), fc.constant(undefined))),
);
const scene = fc.oneof(
  good(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })),
  bad(fc.constantFrom(0, -1, 1.5, Number.NaN, Infinity, 1e300, 2 ** 53)),
  bad(fc.oneof(fc.string(), fc.constant(null))),
);

/** A message built by the documented format, each field valid or not, with the command it must give. */
const message = fc
  .oneof(
    fc.tuple(fc.constant('setView'), view).map(([type, v]) => ({ type, fields: { view: v } })),
    fc.tuple(fc.constant('select'), id).map(([type, v]) => ({ type, fields: { id: v } })),
    fc.tuple(fc.constant('setLang'), lang).map(([type, v]) => ({ type, fields: { lang: v } })),
    fc.constantFrom('next', 'previous').map((type) => ({ type, fields: {} as Record<string, Field> })),
    fc.tuple(fc.constant('scene'), story, scene).map(([type, s, n]) => ({ type, fields: { story: s, scene: n } })),
  )
  .chain(({ type, fields }) =>
    fc
      .record({
        source: fc.oneof(
          { weight: 4, arbitrary: good(fc.constant(MESSAGE_SOURCE)) },
          bad(fc.constantFrom('Corridor-Atlas', 'corridor-atlas ', '', undefined, null)),
        ),
        type: fc.oneof(
          { weight: 4, arbitrary: good(fc.constant(type)) },
          bad(fc.constantFrom('eval', 'Next', '__proto__', 'constructor', 'toString', 'hasOwnProperty', undefined, 42)),
        ),
        // Fields the format does not have: ignored, never copied into the command.
        extra: fc.dictionary(
          fc
            .string()
            .filter((k) => !['source', 'type', 'view', 'id', 'lang', 'story', 'scene', '__proto__'].includes(k)),
          anything,
          { maxKeys: 3 },
        ),
      })
      .map(({ source, type: t, extra }) => {
        const data: Record<string, unknown> = { ...extra };
        for (const [key, field] of Object.entries({ source, type: t, ...fields }))
          if (field.value !== undefined) data[key] = field.value;
        const ok = [source, t, ...Object.values(fields)].every((field) => field.ok);
        const expected = ok
          ? { type, ...Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, field.value])) }
          : null;
        return { data, expected };
      }),
  );

describe('parseHostMessage under fuzzing', () => {
  it('never throws on anything, and returns null or exactly a documented command', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anything,
          anything.map((rest) => ({
            source: MESSAGE_SOURCE,
            ...(typeof rest === 'object' && rest !== null ? rest : { rest }),
          })),
        ),
        (data) => {
          const command = parseHostMessage(data);
          expect(command === null || isDocumentedCommand(command), fc.stringify(command)).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('any object with our source and a known type is read or refused, never half-read', () => {
    const type = fc.constantFrom('setView', 'select', 'setLang', 'next', 'previous', 'scene');
    fc.assert(
      fc.property(type, fc.object({ withNullPrototype: true, withBoxedValues: true }), (t, rest) => {
        const command = parseHostMessage({ ...rest, source: MESSAGE_SOURCE, type: t });
        expect(command === null || isDocumentedCommand(command)).toBe(true);
      }),
      RUNS,
    );
  });

  it('near-miss messages: acts exactly on the valid ones, with only the documented fields', () => {
    fc.assert(
      fc.property(message, ({ data, expected }) => {
        const command = parseHostMessage(data);
        expect(command, fc.stringify(data)).toEqual(expected);
        if (command) expect(isDocumentedCommand(command)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

// --- Origin policy ---

const host = fc.oneof(fc.domain(), fc.constantFrom('localhost', '127.0.0.1', '[::1]', 'slides.example'));
const port = fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined });
const origin = fc
  .tuple(fc.constantFrom('http', 'https'), host, port)
  .map(([scheme, h, p]) => `${scheme}://${h}${p === undefined ? '' : `:${p}`}`);
/** Entries a host page might write in `origins=`: origins, odd spellings of them, and things that are not origins. */
const entry = fc.oneof(
  origin,
  origin.map((o) => o.toUpperCase()),
  origin.map((o) => `${o}/`),
  origin.map((o) => ` ${o} `),
  origin.map((o) => `${o}/path`),
  origin.map((o) => `${o}?q=1`),
  origin.map((o) => o.replace('://', '://user:pass@')),
  fc.constantFrom(
    'null',
    '*',
    'javascript:alert(1)',
    'data:text/html,x',
    'file:///etc/passwd',
    'https://',
    'https://a.example:99999',
    '//a.example',
    'ftp://a.example',
    'https://a.example\\@evil.example',
    '',
  ),
  fc.string({ unit: 'binary' }),
);
const originsParam = fc.array(entry, { maxLength: 5 }).map((entries) => entries.join(','));

/** What MessageEvent.origin can be: a serialised origin (lower-case scheme and host, no default port, no slash) or "null". */
function isWellFormedOrigin(o: string): boolean {
  if (o === 'null') return true;
  try {
    const url = new URL(o);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === o;
  } catch {
    return false;
  }
}

describe('origin policy under fuzzing', () => {
  it('allowedOrigins never throws and gives null or distinct well-formed origins', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          originsParam.map((v) => `?${new URLSearchParams([['origins', v]])}`),
          originsParam.map((v) => `?origins=${v}`),
          fc.string({ unit: 'binary' }),
        ),
        (search) => {
          const allowed = allowedOrigins(search);
          if (allowed === null) return;
          expect(allowed.every(isWellFormedOrigin), allowed.join(' ')).toBe(true);
          expect(new Set(allowed).size).toBe(allowed.length);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('any origin may send commands only when no origins are configured', () => {
    fc.assert(
      fc.property(originsParam, fc.oneof(origin, fc.string()), (value, sender) => {
        const allowed = allowedOrigins(`?${new URLSearchParams([['origins', value]])}`);
        // A non-blank value restricts, even when it names no valid origin (fail closed).
        expect(allowed === null).toBe(value.trim() === '');
        expect(isAllowedOrigin(sender, allowed)).toBe(allowed === null || allowed.includes(sender));
      }),
      RUNS,
    );
    expect(allowedOrigins('')).toBeNull();
    expect(isAllowedOrigin('https://anyone.example', null)).toBe(true);
  });

  it('a listed origin is allowed however it is spelt; the same host on another scheme, port or subdomain is not', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('https', 'http'),
        host,
        port,
        fc.constantFrom('', '/', ' '),
        fc.boolean(),
        (scheme, h, p, tail, upper) => {
          const listed = `${scheme}://${h}${p === undefined ? '' : `:${p}`}`;
          const allowed = allowedOrigins(
            `?${new URLSearchParams([['origins', `${upper ? listed.toUpperCase() : listed}${tail},javascript:alert(1)`]])}`,
          );
          const canonical = new URL(listed).origin;
          expect(allowed).toEqual([canonical]);
          expect(isAllowedOrigin(canonical, allowed)).toBe(true);
          const other = new URL(listed);
          for (const impostor of [
            `${scheme === 'https' ? 'http' : 'https'}://${other.host}`,
            `${other.protocol}//evil.${other.host}`,
            `${other.protocol}//${other.hostname}:${other.port === '8443' ? 8444 : 8443}`,
            `${canonical}.evil.example`,
            'null',
          ]) {
            expect(isAllowedOrigin(impostor, allowed), impostor).toBe(false);
          }
        },
      ),
      RUNS,
    );
  });

  it.each([
    ['*', []],
    ['https://slides.example/path', []],
    ['https://user@slides.example', []],
    ['javascript:alert(1)', []],
    ['HTTPS://Slides.Example:443/', ['https://slides.example']],
    ['null', ['null']],
  ])('origins=%s allows %j', (value, expected) =>
    expect(allowedOrigins(`?${new URLSearchParams([['origins', value]])}`)).toEqual(expected),
  );
});
