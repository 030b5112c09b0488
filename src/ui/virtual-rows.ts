// Virtual rows for a <table> of fixed row height: the scroller holds a sizer as tall as all rows,
// and the table, placed where the scroll is, holds only the rows in view plus a few either side.
// Past a few million pixels (browsers cap an element's height) the sizer stops growing and the
// scroll position maps to rows in proportion. One row takes the keyboard focus (arrows, Page Up and
// Down, Home and End move it; Enter or Space chooses it), the others are reached through it.
import { el } from './dom.ts';

export interface VirtualRowsOptions {
  scroller: HTMLElement;
  table: HTMLTableElement;
  body: HTMLTableSectionElement;
  columns: number;
  emptyText: string;
  /** Makes the row at `position` (called only for rows coming into view). */
  row(position: number): HTMLTableRowElement;
  choose(position: number): void;
  /** Rows `first` (0-based) to `last` (exclusive) of `total` are in view. */
  showing(first: number, last: number, total: number): void;
}

export interface VirtualRows {
  /** A new number of rows: `reset` goes back to the first, else the scroll stays where it is. */
  setCount(count: number, reset: boolean): void;
  /** Makes the rows in view again (what they show changed). */
  refresh(): void;
  /** Scrolls so that `position` is in view. */
  reveal(position: number): void;
}

const OVERSCAN = 6;
/** Below every browser's limit on an element's height. */
const MAX_PX = 8_000_000;

export function createVirtualRows(o: VirtualRowsOptions): VirtualRows {
  const { scroller, table, body } = o;
  const sizer = table.parentElement!;
  let count = 0;
  let rowHeight = 28;
  let focus = 0;
  /** The first pixel shown, when it was set to show a row exactly (the scroll position rounds). */
  let pinned: { scrollTop: number; pixel: number } | null = null;
  let rendered = new Map<number, HTMLTableRowElement>();
  let frame = 0;

  const geometry = () => {
    const head = table.tHead?.offsetHeight ?? 0;
    const view = Math.max(rowHeight, scroller.clientHeight - head);
    const content = count * rowHeight;
    const virtual = Math.min(content, MAX_PX);
    const ratio = virtual > view ? (content - view) / (virtual - view) : 1;
    return { head, view, content, virtual, ratio };
  };
  const firstPixel = (g: ReturnType<typeof geometry>) => {
    const top = scroller.scrollTop;
    if (pinned && Math.abs(pinned.scrollTop - top) < 1) return pinned.pixel;
    pinned = null;
    return Math.max(0, Math.min(top * g.ratio, g.content - g.view));
  };

  function render(): void {
    frame = 0;
    const g = geometry();
    sizer.style.height = `${g.head + g.virtual}px`;
    table.setAttribute('aria-rowcount', String(count + 1));
    if (count === 0) {
      rendered.clear();
      body.replaceChildren(el('tr', {}, el('td', { text: o.emptyText, attrs: { colspan: String(o.columns) } })));
      table.style.top = '0px';
      o.showing(0, 0, 0);
      return;
    }
    const pixel = firstPixel(g);
    const first = Math.min(count - 1, Math.floor(pixel / rowHeight));
    const last = Math.min(count, Math.ceil((pixel + g.view) / rowHeight));
    const [from, to] = [Math.max(0, first - OVERSCAN), Math.min(count, last + OVERSCAN)];
    table.style.top = `${scroller.scrollTop - (pixel - from * rowHeight)}px`;
    for (const [position, tr] of rendered)
      if (position < from || position >= to) {
        tr.remove();
        rendered.delete(position);
      }
    if (!body.firstElementChild?.hasAttribute('data-index')) body.replaceChildren();
    // Rows already there stay (the focused one keeps its focus); new ones go before or after them.
    let cursor: ChildNode | null = body.firstChild;
    for (let position = from; position < to; position++) {
      const existing = rendered.get(position);
      if (existing) {
        cursor = existing.nextSibling;
        continue;
      }
      const tr = o.row(position);
      tr.dataset['index'] = String(position);
      tr.setAttribute('aria-rowindex', String(position + 2));
      tr.tabIndex = position === focus ? 0 : -1;
      body.insertBefore(tr, cursor);
      rendered.set(position, tr);
    }
    o.showing(first, last, count);
    const measured = rendered.get(from)?.getBoundingClientRect().height ?? rowHeight;
    // The row height comes from the style sheet: learnt from the first row drawn.
    if (measured > 0 && Math.abs(measured - rowHeight) > 0.5) {
      rowHeight = measured;
      render();
    }
  }

  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(render);
  };

  function refresh(): void {
    const hadFocus = body.contains(document.activeElement);
    rendered = new Map();
    body.replaceChildren();
    render();
    if (hadFocus) rendered.get(focus)?.focus({ preventScroll: true });
  }

  function reveal(position: number): void {
    const g = geometry();
    let pixel = firstPixel(g);
    const top = position * rowHeight;
    if (top < pixel) pixel = top;
    else if (top + rowHeight > pixel + g.view) pixel = top + rowHeight - g.view;
    else return;
    scroller.scrollTop = pixel / g.ratio;
    pinned = { scrollTop: scroller.scrollTop, pixel };
    render();
  }

  function moveFocus(position: number): void {
    const next = Math.max(0, Math.min(count - 1, position));
    rendered.get(focus)?.setAttribute('tabindex', '-1');
    focus = next;
    reveal(next);
    render();
    const tr = rendered.get(next)!;
    tr.tabIndex = 0;
    tr.focus({ preventScroll: true });
  }

  const positionOf = (target: EventTarget | null): number | null => {
    const tr = target instanceof Element ? target.closest('tr[data-index]') : null;
    return tr instanceof HTMLElement ? Number(tr.dataset['index']) : null;
  };
  // Scroll events come once a frame already: the rows follow in the same frame.
  scroller.addEventListener('scroll', render, { passive: true });
  new ResizeObserver(schedule).observe(scroller);
  body.addEventListener('focusin', (event) => {
    const position = positionOf(event.target);
    if (position === null || position === focus) return;
    rendered.get(focus)?.setAttribute('tabindex', '-1');
    focus = position;
    rendered.get(position)?.setAttribute('tabindex', '0');
  });
  body.addEventListener('click', (event) => {
    const position = positionOf(event.target);
    if (position !== null) o.choose(position);
  });
  body.addEventListener('keydown', (event) => {
    const position = positionOf(event.target);
    if (position === null) return;
    const page = Math.max(1, Math.floor(geometry().view / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: position + 1,
      ArrowUp: position - 1,
      PageDown: position + page,
      PageUp: position - page,
      Home: 0,
      End: count - 1,
    };
    const to = moves[event.key];
    if (to !== undefined) moveFocus(to);
    else if (event.key === 'Enter' || event.key === ' ') o.choose(position);
    else return;
    event.preventDefault();
  });

  return {
    setCount(next, reset) {
      count = next;
      if (reset) {
        scroller.scrollTop = 0;
        pinned = null;
        focus = 0;
      }
      focus = Math.max(0, Math.min(focus, count - 1));
      refresh();
    },
    refresh,
    reveal,
  };
}
