// Panels say what a planner needs, in both languages, with sources; no DOM needed.
import { describe, expect, it } from 'vitest';
import { hoverSummary, panelModel, type PanelContext, type PanelModel } from '../../src/ui/panel-model.ts';
import { legendModel } from '../../src/ui/legend-model.ts';
import { initialState } from '../../src/app/state.ts';
import { LIGHT_THEME } from '../../src/map/theme.ts';
import type { Lang } from '../../src/i18n/i18n.ts';
import { builtAtlas } from './dataset/fixture.ts';

const { atlas } = builtAtlas();
const names: Record<string, { fa: string; en: string }> = { IND: { fa: 'هند', en: 'India' }, TUR: { fa: 'ترکیه', en: 'Turkey' } };
const context = (lang: Lang): PanelContext => ({ atlas, lang, countryName: (id) => names[id] });
const text = (model: PanelModel | null) => JSON.stringify(model);
const section = (model: PanelModel | null, heading: string) => model!.sections.find((s) => s.heading === heading);

describe('province panel', () => {
  const en = panelModel({ kind: 'province', id: 'IR-03' }, context('en'))!;
  const fa = panelModel({ kind: 'province', id: 'IR-03' }, context('fa'))!;

  it('names the province and its capital in both languages', () => {
    expect(en.title).toBe('East Azerbaijan');
    expect(en.subtitle).toContain('Tabriz');
    expect(fa.title).toBe('آذربایجان شرقی');
    expect(fa.subtitle).toContain('تبریز');
  });

  it('lists its facts with formatted numbers, sectors and sources', () => {
    const facts = section(en, 'Capacity facts')!.items;
    const units = facts.find((f) => f.text.includes('5,500'))!;
    expect(units.detail).toContain('over 5,500 units');
    expect(units.chips).toEqual([{ label: 'Industry and manufacturing', colour: expect.stringMatching(/^#/) }]);
    expect(units.sources![0]).toMatchObject({ file: '001_94fc70272dc78c07.txt', excerpt: expect.stringContaining('5') });
    expect(units.sources![0]!.label).toContain('undated');
    expect(text(fa)).toContain('بیش از ۵٬۵۰۰ واحد');
  });

  it('lists its links and the three corridors that cross it', () => {
    expect(section(en, 'Links')!.items.map((i) => i.target?.id)).toEqual(expect.arrayContaining(['ea-kaz-video-call', 'ea-kaz-mining', 'tabriz-chamber-kaz']));
    expect(section(en, 'Corridors')!.items.map((i) => i.target?.id)).toEqual(['east-west', 'gulf-black-sea', 'eco-iti']);
  });

  it('says so when a province has no sourced facts', () => {
    const golestan = panelModel({ kind: 'province', id: 'IR-27' }, context('en'))!;
    expect(golestan.empty).toBe('The reports give no sourced facts about this province.');
    expect(section(golestan, 'Capacity facts')).toBeUndefined();
  });
});

describe('partner panel', () => {
  it('shows Kazakhstan with facts, links from Iran, corridors and Caspian routes', () => {
    const kaz = panelModel({ kind: 'partner', id: 'KAZ' }, context('en'))!;
    expect(text(kaz)).toContain('9th largest');
    expect(section(kaz, 'Links from Iran')!.items.length).toBe(8);
    expect(section(kaz, 'Caspian routes')!.items.map((i) => i.text)).toContain('Bandar Anzali ↔ Aktau');
  });
});

describe('corridor panel', () => {
  it('gives members, length, provinces and the identification note with sources', () => {
    const iti = panelModel({ kind: 'corridor', id: 'eco-iti' }, context('en'))!;
    const overview = section(iti, 'Overview')!.items;
    expect(overview.find((i) => i.text === 'Members')!.detail).toContain('Turkey');
    expect(overview.find((i) => i.text === 'Provinces crossed')!.detail).toContain('East Azerbaijan');
    expect(section(iti, 'Which six corridors?')!.items[0]!.text).toContain('our identification');
    expect(section(iti, 'Sources')!.items[0]!.sources![0]!.url).toMatch(/^https?:/);
  });
});

describe('link and route panels', () => {
  it('shows a link with its quantity, date and source', () => {
    const purchase = panelModel({ kind: 'link', id: 'iran-uzb-steel-purchase' }, context('en'))!;
    expect(purchase.title).toBe('Iran → Uzbekistan');
    expect(purchase.subtitle).toContain('26 August 2025');
    expect(text(purchase)).toContain('300,000 tonnes');
  });

  it('shows a Caspian route with its length and service', () => {
    const route = panelModel({ kind: 'route', id: 'baku--turkmenbashi' }, context('en'))!;
    expect(text(route)).toContain('343 km');
  });
});

describe('hover summary', () => {
  it('keeps the first items, without sources', () => {
    const full = panelModel({ kind: 'province', id: 'IR-03' }, context('en'))!;
    const hover = hoverSummary(full, 'en');
    expect(hover.sections).toHaveLength(1);
    expect(hover.sections[0]!.items).toHaveLength(3);
    expect(hover.sections[0]!.items.every((i) => i.sources === undefined)).toBe(true);
  });
});

describe('legend', () => {
  it('matches what is drawn: the sectors of the visible arcs, visible corridors only', () => {
    const state = { ...initialState('en', ['instc']), sectors: ['steel-metals'] };
    const groups = legendModel(state, atlas, LIGHT_THEME);
    const arcs = groups.find((g) => g.heading.startsWith('Links, by sector'))!;
    expect(arcs.entries.map((e) => e.label)).toEqual(['Steel and metals']);
    const corridors = groups.find((g) => g.heading === 'Six international corridors')!;
    expect(corridors.entries.map((e) => e.label)).toEqual(['North–South', 'Sea leg (dashed)']);
  });
});
