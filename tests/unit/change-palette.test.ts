// The comparison's diverging palette (src/core/change-palette.ts): every class reaches the theme's line
// contrast on water and every land fill, the classes stay apart under colour-vision deficiencies, and new
// and gone stand further from the land than more and less (a cue besides hue, with their halo).
import { describe, expect, it } from 'vitest';
import { CHANGE_PALETTES } from '../../src/core/change-palette.ts';
import { basemapGrounds, contrast, leastContrast, over, THEME_IDS, THEMES } from '../../src/core/theme.ts';
import { colourDifference, DEFICIENCIES, type Vision } from '../support/colour-vision.ts';
import { CHANGE_CLASSES } from '../../src/model/period-compare.ts';

describe.each(THEME_IDS.map((id) => THEMES[id]))('the change palette of the $id theme', (theme) => {
  const { colours, halo } = CHANGE_PALETTES[theme.id];
  const grounds = basemapGrounds(theme);

  it(`reaches ${theme.lineContrast}:1 against water and every land fill, for each class`, () => {
    for (const kind of CHANGE_CLASSES)
      expect(leastContrast(colours[kind], grounds), kind).toBeGreaterThanOrEqual(theme.lineContrast);
  });

  it('keeps new and gone apart from their halo', () => {
    for (const kind of ['new', 'gone'] as const)
      for (const ground of grounds) {
        const band = over(halo, ground);
        expect(contrast(over(colours[kind], band), band), kind).toBeGreaterThanOrEqual(theme.lineContrast);
      }
  });

  it('keeps every two classes apart for normal vision and under protanopia, deuteranopia and tritanopia', () => {
    const rgb = (kind: (typeof CHANGE_CLASSES)[number]) => colours[kind].slice(0, 3) as [number, number, number];
    for (const [i, a] of CHANGE_CLASSES.entries())
      for (const b of CHANGE_CLASSES.slice(i + 1))
        for (const vision of ['normal', ...DEFICIENCIES] as Vision[])
          expect(colourDifference(rgb(a), rgb(b), vision), `${a}/${b} ${vision}`).toBeGreaterThanOrEqual(
            vision === 'normal' ? 10 : 6,
          );
  });

  it('draws new and gone further from the land than more and less', () => {
    const land = theme.land;
    expect(contrast(colours.new, land)).toBeGreaterThan(contrast(colours.more, land) * 1.5);
    expect(contrast(colours.gone, land)).toBeGreaterThan(contrast(colours.less, land) * 1.5);
  });
});
