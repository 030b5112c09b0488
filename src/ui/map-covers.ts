// What lies over the map now (panels, legend, story card, header), measured, as camera padding.
import { freePadding, type Padding, type Rect } from '../model/free-area.ts';

/** Everything that may cover part of the map. */
const COVERS = ['.app-header', '#map-legend', '#controls', '#side-panel', '#table-panel', '#story-bar', '#embed-title'];

const visible = (element: HTMLElement) => {
  if (element.hidden || element.getClientRects().length === 0) return false;
  const style = getComputedStyle(element);
  return style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0;
};

/** The rectangles of the covers shown now, in page coordinates. */
export function coverRects(): Rect[] {
  return COVERS.flatMap((selector) => [...document.querySelectorAll<HTMLElement>(selector)])
    .filter(visible)
    .map((element) => element.getBoundingClientRect());
}

/** Camera padding, in the map's pixels, that keeps a fit clear of what covers the map. */
export function mapPadding(map: HTMLElement): Padding {
  const box = map.getBoundingClientRect();
  const toMap = (r: Rect): Rect => ({
    left: r.left - box.left,
    top: r.top - box.top,
    right: r.right - box.left,
    bottom: r.bottom - box.top,
  });
  return freePadding(toMap(box), coverRects().map(toMap));
}
