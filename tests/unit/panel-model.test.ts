// Panels say what a planner needs, in both languages, with sources; no DOM needed.
import { describe, expect, it } from 'vitest';
import { hoverSummary, panelModel, type PanelContext, type PanelModel } from '../../src/model/panel-model.ts';
import { legendModel } from '../../src/model/legend-model.ts';
import { initialState } from '../../src/state/state.ts';
import { LIGHT_THEME } from '../../src/core/theme.ts';
import type { Lang } from '../../src/core/i18n/i18n.ts';
import { builtAtlas } from './dataset/fixture.ts';

const { atlas } = builtAtlas();
const names: Record<string, { fa: string; en: string }> = {
  IND: { fa: 'هند', en: 'India' },
  TUR: { fa: 'ترکیه', en: 'Turkey' },
};
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
    expect(units.sources![0]).toMatchObject({
      file: '001_94fc70272dc78c07.txt',
      excerpt: expect.stringContaining('5'),
    });
    // Report 001 has no date of its own; its content dates it to about 2020.
    expect(units.sources![0]!.label).toContain('c. 2020');
    expect(text(fa)).toContain('بیش از ۵٬۵۰۰ واحد');
  });

  it('lists its links and the three corridors that cross it', () => {
    expect(section(en, 'Links')!.items.map((i) => i.target?.id)).toEqual(
      expect.arrayContaining(['ea-kaz-video-call', 'ea-kaz-mining', 'tabriz-chamber-kaz']),
    );
    expect(section(en, 'Corridors')!.items.map((i) => i.target?.id)).toEqual([
      'east-west',
      'gulf-black-sea',
      'eco-iti',
    ]);
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

describe('corridor panel after the data review (D10)', () => {
  it('heads East–West\'s countries "Countries on the route", not "Members"', () => {
    for (const [lang, heading, members] of [
      ['en', 'Countries on the route', 'Members'],
      ['fa', 'کشورهای مسیر', 'اعضا'],
    ] as const) {
      const overview = panelModel({ kind: 'corridor', id: 'east-west' }, context(lang))!.sections[0]!.items.map(
        (i) => i.text,
      );
      expect(overview).toContain(heading);
      expect(overview).not.toContain(members);
    }
  });

  it('labels the branches drawn by this project, and says TRACECA crosses no province on a sourced branch', () => {
    const en = panelModel({ kind: 'corridor', id: 'traceca' }, context('en'))!;
    const branches = section(en, 'Branches')!.items.map((i) => i.text);
    expect(branches.filter((b) => b.endsWith('drawn by this project (our assumption)'))).toHaveLength(3);
    expect(branches.find((b) => b.startsWith('Turkmenbashi–Tashkent–Osh'))).not.toMatch(/drawn by this project/);
    expect(section(en, 'Overview')!.items.find((i) => i.text === 'Provinces crossed')!.detail).toBe(
      'none: only branches drawn by this project cross Iran',
    );
    const fa = panelModel({ kind: 'corridor', id: 'traceca' }, context('fa'))!;
    expect(
      fa.sections.flatMap((s) => s.items.map((i) => i.text)).filter((b) => b.endsWith('ترسیم این پروژه (فرض ما)')),
    ).toHaveLength(3);
  });
});

describe('link and route panels', () => {
  it('shows a link with its quantity, date and source', () => {
    const purchase = panelModel({ kind: 'link', id: 'iran-uzb-steel-purchase' }, context('en'))!;
    expect(purchase.title).toBe('Iran as a whole → Uzbekistan');
    expect(purchase.subtitle).toContain('26 August 2025');
    expect(text(purchase)).toContain('300,000 tonnes');
  });

  it('shows a Caspian route with its length and service', () => {
    const route = panelModel({ kind: 'route', id: 'alat--turkmenbashi' }, context('en'))!;
    expect(text(route)).toContain('343 km');
  });

  it('marks the KSSL–TPO lines as possible pairs, monthly, as of 2021, in both languages', () => {
    const en = section(panelModel({ kind: 'route', id: 'nowshahr--astrakhan' }, context('en')), 'Services')!.items[0]!;
    expect(en.detail).toBe(
      'One possible pair of six monthly MoU lines (pairs not published) · 1 sailing a month on each line · as of 30 October 2021',
    );
    expect(en.text).toMatch(/not published/);
    const fa = panelModel({ kind: 'route', id: 'nowshahr--astrakhan' }, context('fa'))!.sections[0]!.items[0]!;
    expect(fa.detail).toContain('جفت‌ها منتشر نشده');
    expect(fa.detail).toContain('وضعیت در');
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

describe('everything through one place, on the atlas', () => {
  it("lists the Caspian routes from a province's ports, as its focus brings them forward", () => {
    const gilan = panelModel({ kind: 'province', id: 'IR-01' }, context('en'))!;
    const routes = section(gilan, 'Caspian routes')!.items.map((i) => i.target?.id);
    expect(routes).toContain('bandar-anzali--aktau');
    expect(routes).toContain('astara-ir--astrakhan');
    // A province without a port lists none.
    expect(section(panelModel({ kind: 'province', id: 'IR-23' }, context('en')), 'Caspian routes')).toBeUndefined();
  });

  it("adds the imported flows through a province, partner or place after the atlas's own sections", () => {
    const extra = { heading: 'Imported flows through here', items: [{ text: 'd1.csv' }] };
    const withImports: PanelContext = {
      ...context('en'),
      importedSections: (ref) => (ref.kind === 'province' ? [extra] : []),
    };
    expect(panelModel({ kind: 'province', id: 'IR-01' }, withImports)!.sections.at(-1)).toEqual(extra);
    expect(text(panelModel({ kind: 'corridor', id: 'instc' }, withImports))).not.toContain('Imported flows');
  });
});
