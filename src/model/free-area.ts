// The part of the map that panels leave free, as camera padding: each panel over the map is pushed
// to the edge it hugs, and the padding on that side grows to clear it. Pure geometry on rectangles.

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

type Side = keyof Padding;

/**
 * Padding that keeps a camera fit clear of `covers` (panels, legend, story card) within `map`, plus
 * `margin` on every side. A cover is cleared from the side where that costs the least map.
 */
export function freePadding(map: Rect, covers: Rect[], margin = 16): Padding {
  const padding: Padding = { top: 0, right: 0, bottom: 0, left: 0 };
  const [width, height] = [map.right - map.left, map.bottom - map.top];
  for (const cover of covers) {
    const clipped = {
      left: Math.max(cover.left, map.left),
      top: Math.max(cover.top, map.top),
      right: Math.min(cover.right, map.right),
      bottom: Math.min(cover.bottom, map.bottom),
    };
    if (clipped.right <= clipped.left || clipped.bottom <= clipped.top) continue; // not over the map
    const needs: Record<Side, number> = {
      top: clipped.bottom - map.top,
      bottom: map.bottom - clipped.top,
      left: clipped.right - map.left,
      right: map.right - clipped.left,
    };
    // Cost: the share of the map given up on that axis.
    const cost = (side: Side) => needs[side] / (side === 'top' || side === 'bottom' ? height : width);
    const side = (['left', 'right', 'top', 'bottom'] as const).reduce((best, s) => (cost(s) < cost(best) ? s : best));
    padding[side] = Math.max(padding[side], needs[side]);
  }
  // Never so much that nothing is left: at most 70 % of an axis goes to padding.
  const fit = (a: Side, b: Side, size: number) => {
    const total = padding[a] + padding[b];
    if (total > size * 0.7)
      [padding[a], padding[b]] = [(padding[a] / total) * size * 0.7, (padding[b] / total) * size * 0.7];
  };
  fit('left', 'right', width);
  fit('top', 'bottom', height);
  return {
    top: padding.top + margin,
    right: padding.right + margin,
    bottom: padding.bottom + margin,
    left: padding.left + margin,
  };
}
