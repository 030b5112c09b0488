// Data review D4, D10, D11, D13 (shared/reference/data-review.md): the corridor and Caspian
// defects stay fixed. Each test failed on the data as it was before the fixes.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Citation, Corridor } from '../../../src/core/atlas.ts';
import { PROVINCE_CORRECTIONS } from '../../../scripts/dataset/geometry.ts';
import { builtAtlas } from './fixture.ts';

const { atlas } = builtAtlas();
const corridor = (id: string) => atlas.corridors.find((c) => c.id === id)!;
const place = (id: string) => atlas.places.find((p) => p.id === id)!;
const cites = (sources: Citation[], ref: string) => sources.some((s) => 'ref' in s && s.ref === ref);
const story = (id: string) =>
  JSON.parse(fs.readFileSync(`data/stories/${id}.json`, 'utf8')) as {
    scenes: { caption: { fa: string; en: string }; corridors?: string[]; select: string | null }[];
  };
/** Consecutive node pairs of a branch. */
const legs = (nodes: string[]) => nodes.slice(1).map((n, i) => [nodes[i]!, n] as const);
const sourcedBranches = (c: Corridor) => c.branches.filter((b) => !b.drawnByProject);

describe('D4 Caspian services', () => {
  const mouServices = atlas.caspianRoutes.flatMap((r) =>
    r.services.filter((s) => cites(s.sources, 'eghtesadonline-2021-kssl')).map((s) => ({ route: r, service: s })),
  );

  it('draws the six KSSL–TPO lines as possible pairs (pairs not published), monthly, as of 2021', () => {
    expect(mouServices.length).toBeGreaterThan(0);
    for (const { route, service } of mouServices) {
      expect(service.kind, route.id).toBe('mou-possible-pair');
      expect(service.since, `${route.id}: 'since' reads as ongoing`).toBeUndefined();
      expect(service.asOf, route.id).toMatch(/^2021-/);
      expect(service.frequency, route.id).toEqual({ value: 1, unit: 'sailings-per-month' });
      expect(service.text.en, route.id).toMatch(/six/i);
      expect(service.text.en, route.id).toMatch(/not published/);
      expect(service.text.fa, route.id).toMatch(/شش/);
      expect(service.text.fa, route.id).toMatch(/منتشر نشده/);
      expect(service.text.en, route.id).not.toMatch(/scheduled regular service/i);
    }
    const kind = atlas.vocabulary.serviceKinds['mou-possible-pair']!;
    expect(kind.en).toMatch(/possible pair/i);
  });

  it('does not give each Astara route two ships a week: the two are shared by Astrakhan and Aktau', () => {
    const astara = atlas.caspianRoutes.filter((r) => r.ports.includes('astara-ir'));
    expect(astara.map((r) => r.id).sort()).toEqual(['astara-ir--aktau', 'astara-ir--astrakhan']);
    for (const route of astara) {
      for (const service of route.services) {
        expect(service.frequency, route.id).toBeUndefined();
        expect(service.text.en, route.id).toMatch(/Astrakhan and Aktau together/);
        expect(service.text.fa, route.id).toMatch(/روی‌هم/);
      }
    }
  });

  it('sails Baku–Turkmenbashi ferries from Alat (the Port of Baku since 2018), and no route from the old city port', () => {
    const ferry = atlas.caspianRoutes.find(
      (r) => r.ports.includes('turkmenbashi') && r.services.some((s) => s.kind === 'ferry'),
    )!;
    expect(ferry.ports).toEqual(['alat', 'turkmenbashi']);
    expect(ferry.services[0]!.sources.some((s) => 'ref' in s && s.ref === 'intermodalnews-2021-baku-alat')).toBe(true);
    expect(atlas.caspianRoutes.filter((r) => r.ports.includes('baku')).map((r) => r.id)).toEqual([]);
  });

  it('tells the Caspian story without present-tense or doubled claims', () => {
    const [first, , third] = story('caspian-kazakhstan').scenes;
    expect(first!.caption.en).not.toMatch(/Regular services run/);
    expect(first!.caption.en).toMatch(/2021/);
    expect(third!.caption.en).not.toMatch(/Astara–Aktau: a container line with two ships a week/);
    expect(third!.caption.en).toMatch(/Astrakhan and Aktau together/);
  });
});

describe('D10 project-drawn branches and the identification', () => {
  it('marks the TRACECA feeders through Iran as drawn by this project', () => {
    const traceca = corridor('traceca');
    const drawn = traceca.branches.filter((b) => b.drawnByProject).map((b) => b.id);
    expect(drawn).toEqual(['feeder-south', 'feeder-west', 'feeder-northeast']);
  });

  it('leaves provinces reached only by project-drawn branches off the corridor and the province panels', () => {
    expect(corridor('traceca').provinces).toEqual([]);
    for (const id of ['IR-22', 'IR-08', 'IR-21', 'IR-10', 'IR-25', 'IR-23', 'IR-09', 'IR-01']) {
      expect(atlas.provinces.find((p) => p.id === id)!.corridorIds, id).not.toContain('traceca');
    }
  });

  it('calls East–West\'s countries "on the route", not members', () => {
    expect(corridor('east-west').membership).toBe('route');
    for (const c of atlas.corridors.filter((x) => x.id !== 'east-west')) expect(c.membership, c.id).toBe('members');
  });

  it('says in the identification note that ECO ITI was dormant around 2020 and North–South may be meant', () => {
    const { fa, en } = atlas.identification.text;
    expect(en).toMatch(/21 December 2021/);
    expect(en).toMatch(/North–South/);
    expect(fa).toMatch(/۲۱ دسامبر ۲۰۲۱/);
    expect(fa).toMatch(/شمال–جنوب/);
  });

  it("captions the stories' corridor scenes as our identification, with the governor's words", () => {
    const ea = story('east-azerbaijan').scenes.find((s) => s.corridors)!;
    expect(ea.caption.en).toMatch(/our identification/);
    expect(ea.caption.fa).toMatch(/به تشخیص ما/);
    expect(ea.caption.en).not.toMatch(/three of/i);
    expect(ea.caption.fa).not.toMatch(/سه کریدور از شش/);
    expect(ea.caption.fa).toMatch(/سه کریدور مهم کشور/);
    const rk = story('razavi-northeast').scenes.find((s) => s.corridors)!;
    expect(rk.caption.en).toMatch(/our identification/);
    expect(rk.caption.fa).toMatch(/به تشخیص ما/);
    if (rk.corridors!.includes('traceca')) {
      expect(rk.caption.en).toMatch(/drawn by this project/);
      expect(rk.caption.fa).toMatch(/ترسیم این پروژه/);
    }
  });
});

describe('D11 geometry', () => {
  it('draws Osh–Kashgar as road (via Irkeshtam), not rail', () => {
    const traceca = corridor('traceca');
    const carrying = traceca.branches.filter((b) => legs(b.nodes).some(([a, b2]) => a === 'osh' && b2 === 'kashgar'));
    expect(carrying.map((b) => b.mode)).toEqual(['road']);
  });

  it('has no railway to Anzali port, and the Caspian land branches are named for their own nodes', () => {
    const instc = corridor('instc');
    for (const b of instc.branches.filter((x) => x.nodes.includes('bandar-anzali') && x.mode !== 'sea'))
      expect(b.mode, b.id).toBe('road');
    for (const b of instc.branches) {
      if (b.name.en.includes('Amirabad')) expect(b.nodes, b.id).toContain('amirabad');
      if (b.name.en.includes('Anzali')) expect(b.nodes, b.id).toContain('bandar-anzali');
    }
  });

  it('routes Tehran–Firuzkuh via Garmsar, as the railway runs', () => {
    for (const c of atlas.corridors) {
      for (const b of c.branches) {
        const direct = legs(b.nodes).some(
          ([a, z]) => (a === 'tehran' && z === 'firuzkuh') || (a === 'firuzkuh' && z === 'tehran'),
        );
        expect(direct, `${c.id}.${b.id}`).toBe(false);
      }
    }
  });

  it('hangs the Sarakhs–Bandar Abbas fact on a corridor drawn along that axis', () => {
    const holders = atlas.corridors.filter((c) => c.facts.some((f) => /Sarakhs–Bandar Abbas/.test(f.text.en)));
    expect(holders.map((c) => c.id)).toEqual(['ashgabat']);
    for (const c of holders)
      expect(sourcedBranches(c).some((b) => b.nodes.includes('sarakhs') && b.nodes.includes('bandar-abbas'))).toBe(
        true,
      );
  });

  it('lists the current province of every Iranian node on a sourced branch (Tabas: South Khorasan since 2013)', () => {
    expect(corridor('ashgabat').provinces).toContain('IR-29');
    expect(atlas.provinces.find((p) => p.id === 'IR-29')!.corridorIds).toContain('ashgabat');
    for (const c of atlas.corridors) {
      for (const node of sourcedBranches(c).flatMap((b) => b.nodes)) {
        const province = place(node).province;
        if (province) expect(c.provinces, `${c.id}: ${node}`).toContain(province);
      }
    }
    expect(Object.keys(PROVINCE_CORRECTIONS)).toEqual(['tabas']);
  });
});

describe('D13 names', () => {
  it('calls the corridor "Persian Gulf–Black Sea" in English', () => {
    expect(corridor('gulf-black-sea').shortName.en).toBe('Persian Gulf–Black Sea');
    expect(corridor('gulf-black-sea').name.en).toMatch(/^Persian Gulf–Black Sea/);
  });

  it('spells Tatvan «تاتوان» and Hamadan as the province is spelled', () => {
    expect(place('tatvan').name.fa).toBe('تاتوان');
    expect(place('hamadan').name.en).toBe('Hamadan');
  });
});
