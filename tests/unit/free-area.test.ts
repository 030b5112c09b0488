// Camera padding around the panels over the map.
import { describe, expect, it } from 'vitest';
import { freePadding } from '../../src/model/free-area.ts';

const map = { left: 0, top: 0, right: 1280, bottom: 752 };

describe('freePadding', () => {
  it('is the margin alone when nothing covers the map', () => {
    expect(freePadding(map, [], 10)).toEqual({ top: 10, right: 10, bottom: 10, left: 10 });
  });
  it('clears a side panel from the edge it hugs, and a legend from the bottom', () => {
    const sidePanel = { left: 940, top: 0, right: 1280, bottom: 752 };
    const legend = { left: 0, top: 650, right: 300, bottom: 752 };
    expect(freePadding(map, [sidePanel, legend], 0)).toEqual({ top: 0, right: 340, bottom: 102, left: 0 });
  });
  it('ignores what lies outside the map, and never pads more than 70 % of an axis', () => {
    const outside = { left: 0, top: -60, right: 1280, bottom: 0 };
    const wide = [
      { left: 0, top: 0, right: 700, bottom: 752 },
      { left: 600, top: 0, right: 1280, bottom: 752 },
    ];
    expect(freePadding(map, [outside], 0)).toEqual({ top: 0, right: 0, bottom: 0, left: 0 });
    const padding = freePadding(map, wide, 0);
    expect(padding.left + padding.right).toBeCloseTo(1280 * 0.7);
  });
});
