// A scene's sources for the deck: every source of its panel once, report dates apart from titles;
// the legend as the deck's compact list; CSS colours as OOXML hex.
import { describe, expect, it } from 'vitest';
import { deckLegend, panelSources } from '../../../src/features/story-export/scene-sources.ts';
import { hex } from '../../../src/features/story-export/deck.ts';
import type { PanelModel } from '../../../src/model/panel-model.ts';
import type { AtlasData } from '../../../src/core/atlas.ts';

const atlas = {
  sources: {
    reports: [
      {
        id: '002_a.txt',
        date: '2025-10-12',
        outlet: { fa: 'مهر', en: 'Mehr' },
        title: { fa: 'تیتر', en: 'Headline' },
        titleKind: 'headline',
        url: 'https://example.org/2',
      },
    ],
    references: [],
  },
} as unknown as AtlasData;

const panel = (sources: { label: string; file?: string; url?: string }[][]): PanelModel =>
  ({
    ref: { kind: 'partner', id: 'KAZ' },
    title: 'Kazakhstan',
    subtitle: '',
    sections: [{ heading: 'Facts', items: sources.map((s, i) => ({ text: `item ${i}`, sources: s })) }],
  }) as unknown as PanelModel;

describe('panelSources', () => {
  it('lists each source once, with the report date apart from its title', () => {
    const model = panel([
      [{ label: 'Headline — Mehr, 12 October 2025', file: '002_a.txt' }],
      [
        { label: 'Headline — Mehr, 12 October 2025', file: '002_a.txt' },
        { label: 'A reference', url: 'https://example.org/ref' },
      ],
    ]);
    const sources = panelSources(model, atlas, 'en');
    expect(sources).toEqual([
      { label: 'Headline — Mehr', date: '12 October 2025', url: 'https://example.org/2' },
      { label: 'A reference', date: '', url: 'https://example.org/ref' },
    ]);
    expect(panelSources(model, atlas, 'fa')[0]).toMatchObject({
      label: 'تیتر — مهر',
      date: expect.stringMatching(/۱۴۰۴/),
    });
  });

  it('is empty without a selection', () => {
    expect(panelSources(null, atlas, 'en')).toEqual([]);
  });
});

describe('deckLegend and colours', () => {
  it('puts each heading (no colour) before its entries', () => {
    const legend = deckLegend([
      { heading: 'Sectors', entries: [{ label: 'Energy', colour: '#d55e00', shape: 'line' }] },
      { heading: 'Places', entries: [{ label: 'Port', colour: 'rgba(0, 0, 0, 1.00)', shape: 'dot' }] },
    ]);
    expect(legend).toEqual([
      { label: 'Sectors', colour: '' },
      { label: 'Energy', colour: '#d55e00' },
      { label: 'Places', colour: '' },
      { label: 'Port', colour: 'rgba(0, 0, 0, 1.00)' },
    ]);
  });

  it('writes CSS colours as RRGGBB, translucent ones mixed over white', () => {
    expect(hex('#d55e00')).toBe('D55E00');
    expect(hex('#abc')).toBe('AABBCC');
    expect(hex('rgba(254, 196, 79, 1.00)')).toBe('FEC44F');
    expect(hex('rgba(0, 0, 0, 0.50)')).toBe('808080');
    expect(hex('rgb(10 20 30)')).toBe('0A141E');
  });
});
