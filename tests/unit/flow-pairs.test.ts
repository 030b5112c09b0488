// Flows aggregated by pair: one arc per origin–destination pair, its width from how many links it carries,
// its colour from their shared sector (else a calm neutral), and a panel and hover card listing every link.
import { describe, expect, it } from 'vitest';
import { arcEnds, flowPairs, pairLinks, pairWidth, PAIR_WIDTH_ONE } from '../../src/model/flow-pairs.ts';
import { pairColours } from '../../src/layers/link-layer.ts';
import { pairId, resolveEntity } from '../../src/core/entities.ts';
import { arcLinks } from '../../src/model/selectors.ts';
import { hoverSummary, panelModel, type PanelContext } from '../../src/model/panel-model.ts';
import { initialState } from '../../src/state/state.ts';
import { LIGHT_THEME } from '../../src/core/theme.ts';
import { hexToRgba } from '../../src/core/colours.ts';
import type { Lang } from '../../src/core/i18n/i18n.ts';
import { builtAtlas } from './dataset/fixture.ts';

const { atlas } = builtAtlas();
const state = initialState('en');
const pairsUnder = (sectors: string[] | null) =>
  flowPairs(arcLinks({ ...state, sectors }, atlas), sectors, atlas.national.id);
const pair = (id: string, sectors: string[] | null = null) => pairsUnder(sectors).find((p) => p.id === id)!;
const ids = (links: { id: string }[]) => links.map((l) => l.id);
const sectorColour = (id: string) => hexToRgba(atlas.sectors.find((s) => s.id === id)!.colour, 235);
const context = (lang: Lang): PanelContext => ({ atlas, lang, countryName: () => undefined });

describe('flow pairs', () => {
  it('give every arc link exactly one pair, with one mark per pair of ends in the direction of the flow', () => {
    const links = arcLinks(state, atlas);
    const pairs = pairsUnder(null);
    expect(pairs.flatMap((p) => ids(p.links)).sort()).toEqual(ids(links).sort());
    expect(pairs.length).toBeLessThan(links.length);
    const ends = pairs.map((p) => JSON.stringify([p.sourcePosition, p.targetPosition]));
    expect(new Set(ends).size).toBe(pairs.length);
    for (const p of pairs) for (const l of p.links) expect(arcEnds(l)).toEqual([p.sourcePosition, p.targetPosition]);
  });

  it('gather Iran as a whole and its national bodies at the national symbol', () => {
    // IMIDRO's meeting and Iran's three steel links all run from the national symbol to Tashkent.
    const national = pair('IRN.to.UZB');
    expect(ids(national.links).sort()).toEqual([
      'imidro-uzb-meeting',
      'iran-uzb-sponge-iron-contracts',
      'iran-uzb-steel-plants',
      'iran-uzb-steel-purchase',
    ]);
    expect(national.sourcePosition).toEqual(atlas.national.anchor);
  });

  it('keep the two directions between two places apart: inbound links start at the partner', () => {
    expect(ids(pair('KAZ.to.IR-15').links).sort()).toEqual([
      'kaz-ambassador-lorestan-visit',
      'lorestan-kaz-mining-technology',
    ]);
    expect(ids(pair('IR-15.to.KAZ').links).sort()).toEqual(['lorestan-kaz-sister-city', 'lorestan-kaz-target-market']);
  });

  it('are wider the more links they carry, on a linear scale; one link keeps the base width', () => {
    expect(pairWidth(1)).toBe(PAIR_WIDTH_ONE);
    expect(pairWidth(2) - pairWidth(1)).toBe(pairWidth(4) - pairWidth(3));
    for (const p of pairsUnder(null)) expect(p.width).toBe(pairWidth(p.links.length));
    expect(pair('IRN.to.UZB').width).toBeGreaterThan(pair('IR-07.to.UZB').width);
    expect(pair('IR-07.to.UZB').width).toBeGreaterThan(pair('IRN.to.KAZ').width);
  });

  it('take the sector their links share, else none (neutral); the filter decides what is shared', () => {
    // Fars's delegation (industry, mining, trade) and memoranda (trade, industry): several sectors.
    expect(pair('IR-07.to.UZB').sector).toBeNull();
    expect(pair('IRN.to.UZB').sector).toBeNull();
    expect(pair('IRN.to.UZB', ['steel-metals']).sector).toBe('steel-metals');
    expect(pair('IRN.to.KAZ').sector).toBeNull(); // steel and engineering
    expect(pair('IRN.to.KAZ', ['engineering']).sector).toBe('engineering');
  });

  it('are drawn in the sector colour, or the neutral grey; light where they start unless every link is two-way', () => {
    const steel = pairColours(pair('IRN.to.UZB', ['steel-metals']), atlas.sectors, LIGHT_THEME);
    expect(steel.target).toEqual(sectorColour('steel-metals'));
    expect(steel.source[0]).toBeGreaterThan(steel.target[0]);
    expect(pairColours(pair('IRN.to.UZB'), atlas.sectors, LIGHT_THEME).target).toEqual(LIGHT_THEME.mixedLink);
    const twoWay = flowPairs([atlas.links.find((l) => l.id === 'tabriz-chamber-kaz')!], null, 'IRN')[0]!;
    expect(twoWay.twoWay).toBe(true);
    const colours = pairColours(twoWay, atlas.sectors, LIGHT_THEME);
    expect(colours.source).toEqual(colours.target);
  });

  it('draw the mixed grey calmer than the darkest marks: lighter than the old neutral, the capitals and steel', () => {
    const lightness = ([r, g, b]: number[]) => 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    const mixed = lightness(LIGHT_THEME.mixedLink);
    expect(mixed).toBeGreaterThan(lightness(LIGHT_THEME.neutralLink));
    expect(mixed).toBeGreaterThan(lightness(LIGHT_THEME.capital));
    expect(mixed).toBeGreaterThan(lightness(sectorColour('steel-metals')));
  });
});

describe('pair ids', () => {
  it('name the two ends in flow order, URL-safe, and resolve like any other id', () => {
    const visit = atlas.links.find((l) => l.id === 'kaz-ambassador-lorestan-visit')!;
    expect(pairId(visit, 'IRN')).toBe('KAZ.to.IR-15');
    expect(new URLSearchParams({ select: 'KAZ.to.IR-15' }).toString()).toBe('select=KAZ.to.IR-15');
    expect(resolveEntity('KAZ.to.IR-15', atlas)).toEqual({ kind: 'pair', id: 'KAZ.to.IR-15' });
    expect(resolveEntity('UZB.to.IR-15', atlas)).toBeNull();
    expect(
      pairId(
        atlas.links.find((l) => l.id === 'ea-kaz-video-call')!,
        'IRN',
      ),
    ).toBeNull(); // a ring, no arc
  });

  it("list every link of the dataset between the pair's ends, whatever the filters", () => {
    expect(ids(pairLinks('IR-07.to.UZB', atlas))).toEqual(['fars-uzb-delegation', 'fars-uzb-mous']);
  });
});

describe('pair panel and hover card', () => {
  const en = panelModel({ kind: 'pair', id: 'IRN.to.UZB' }, context('en'))!;

  it('names the ends and lists every link with its sectors, kind, status, report and sources', () => {
    expect(en.title).toBe(`${atlas.national.name.en} → ${atlas.partners.find((p) => p.id === 'UZB')!.name.en}`);
    expect(en.subtitle).toContain('4');
    const items = en.sections[0]!.items;
    expect(items.map((i) => i.target)).toEqual(pairLinks('IRN.to.UZB', atlas).map((l) => ({ kind: 'link', id: l.id })));
    const contracts = items.find((i) => i.target?.id === 'iran-uzb-sponge-iron-contracts')!;
    expect(contracts.detail).toContain('Steel and metals');
    expect(contracts.detail).toContain(atlas.vocabulary.linkKinds['contract']!.en);
    expect(contracts.detail).toContain(atlas.vocabulary.statuses['signed']!.en);
    expect(contracts.detail).toContain('According to the head of IMIDRO (26 August 2025)');
    expect(contracts.detail).not.toContain('undated');
    expect(contracts.sources!.length).toBeGreaterThan(0);
    expect(contracts.chips!.map((c) => c.label)).toEqual(['Steel and metals']);
  });

  it('is written in Persian in fa', () => {
    const fa = panelModel({ kind: 'pair', id: 'IRN.to.UZB' }, context('fa'))!;
    expect(fa.title).toContain('→');
    expect(`${fa.subtitle} ${fa.sections[0]!.heading}`).toMatch(/^[^a-z]*$/i);
  });

  it('hover card lists every link, not just the first few', () => {
    expect(hoverSummary(en, 'en').sections[0]!.items).toHaveLength(4);
  });
});
