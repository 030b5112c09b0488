import { describe, expect, it } from 'vitest';
import { coordinateName, createPlaceResolver, createSectorMatcher } from '../../../src/worker/resolve-place.ts';
import { GAZETTEER } from './gazetteer-fixture.ts';

const resolve = createPlaceResolver(GAZETTEER);
const nameOf = (text: string) => {
  const r = resolve(text);
  return 'error' in r ? r.error : r.name;
};

describe('createPlaceResolver', () => {
  it('matches names in both languages', () => {
    expect(nameOf('East Azerbaijan')).toBe('IR-03');
    expect(nameOf('آذربایجان شرقی')).toBe('IR-03');
    expect(nameOf('Kazakhstan')).toBe('KAZ');
    expect(nameOf('قزاقستان')).toBe('KAZ');
    expect(nameOf('  tehran ')).toBe('IR-23');
    expect(nameOf('Bandar Anzali')).toBe('bandar-anzali');
  });

  it('matches Arabic letter variants, ZWNJ and spelling aliases', () => {
    expect(nameOf('آذربايجان شرقي')).toBe('IR-03');
    expect(nameOf('كرمان')).toBe('IR-08');
    expect(nameOf('ازبكستان')).toBe('UZB');
    expect(nameOf('آذربایجان‌شرقی')).toBe('IR-03');
    expect(nameOf('Khorasan Razavi')).toBe('IR-09');
  });

  it('matches ids and ISO codes in any case', () => {
    expect(nameOf('IR-03')).toBe('IR-03');
    expect(nameOf('ir-03')).toBe('IR-03');
    expect(nameOf('KAZ')).toBe('KAZ');
    expect(nameOf('kaz')).toBe('KAZ');
    expect(nameOf('kz')).toBe('KAZ');
    expect(nameOf('UZ')).toBe('UZB');
    expect(nameOf('tr')).toBe('TUR');
    expect(nameOf('CN')).toBe('CHN');
  });

  it('gives the lon/lat of the entry', () => {
    expect(resolve('Kazakhstan')).toEqual({ lonLat: [71.446, 51.1801], name: 'KAZ' });
  });

  it('reads "lat, lon" coordinates in one cell', () => {
    expect(resolve('38.08, 46.2919')).toEqual({ lonLat: [46.2919, 38.08], name: '38.08, 46.2919' });
    expect(resolve('38.08;46.2919')).toEqual({ lonLat: [46.2919, 38.08], name: '38.08, 46.2919' });
    expect(resolve('38.08 46.2919')).toEqual({ lonLat: [46.2919, 38.08], name: '38.08, 46.2919' });
    expect(resolve('۳۸٫۰۸، ۴۶٫۲۹')).toEqual({ lonLat: [46.29, 38.08], name: '38.08, 46.29' });
    expect(resolve('(-33.9, 151.2)')).toEqual({ lonLat: [151.2, -33.9], name: '-33.9, 151.2' });
    expect(resolve('90, -180')).toEqual({ lonLat: [-180, 90], name: '90, -180' });
  });

  it('refuses coordinates out of range', () => {
    expect(resolve('95.5, 46.2')).toEqual({ error: 'out-of-range' });
    expect(resolve('38, 200')).toEqual({ error: 'out-of-range' });
    expect(resolve('-90.01, 0')).toEqual({ error: 'out-of-range' });
  });

  it('reports unknown names', () => {
    expect(resolve('Atlantis')).toEqual({ error: 'unknown' });
    expect(resolve('')).toEqual({ error: 'unknown' });
    expect(resolve('38.08')).toEqual({ error: 'unknown' });
    expect(resolve('38.08, 46.29, 5')).toEqual({ error: 'unknown' });
  });

  it('answers repeated texts from its cache with the same result', () => {
    expect(resolve('Gilan')).toBe(resolve('Gilan'));
  });
});

describe('coordinateName', () => {
  it('writes lat before lon, as a coordinate cell reads', () => {
    expect(coordinateName([46.2919, 38.08])).toBe('38.08, 46.2919');
  });
});

describe('createSectorMatcher', () => {
  const match = createSectorMatcher(GAZETTEER);
  const index = (id: string) => GAZETTEER.sectors.findIndex((s) => s.id === id);

  it('matches sector ids and names in both languages', () => {
    expect(match('transport')).toBe(index('transport'));
    expect(match('Steel and metals')).toBe(index('steel-metals'));
    expect(match('STEEL-METALS')).toBe(index('steel-metals'));
    expect(match('حمل‌ونقل و ترانزیت')).toBe(index('transport'));
    expect(match('حمل و نقل و ترانزيت')).toBe(-1);
    expect(match('Space tourism')).toBe(-1);
  });
});
