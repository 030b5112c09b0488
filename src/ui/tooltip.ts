// The hover tooltip: a small card near the pointer. Text only, never HTML from data.

export interface TooltipContent {
  title: string;
  subtitle: string;
}

export function renderTooltip(element: HTMLElement, content: TooltipContent | null, x = 0, y = 0): void {
  if (!content) {
    element.hidden = true;
    return;
  }
  const [title, subtitle] = ensureChildren(element);
  title.textContent = content.title;
  subtitle.textContent = content.subtitle;
  element.hidden = false;
  // Keep the card inside the map: flip to the other side of the pointer near the far edges.
  const parent = element.offsetParent as HTMLElement | null;
  const width = parent?.clientWidth ?? window.innerWidth;
  const height = parent?.clientHeight ?? window.innerHeight;
  const left = x + 14 + element.offsetWidth > width ? x - 14 - element.offsetWidth : x + 14;
  const top = y + 14 + element.offsetHeight > height ? y - 14 - element.offsetHeight : y + 14;
  element.style.transform = `translate(${Math.max(0, left)}px, ${Math.max(0, top)}px)`;
}

function ensureChildren(element: HTMLElement): [HTMLElement, HTMLElement] {
  if (element.childElementCount !== 2) {
    const title = document.createElement('strong');
    title.className = 'tooltip-title';
    const subtitle = document.createElement('span');
    subtitle.className = 'tooltip-subtitle';
    element.replaceChildren(title, subtitle);
  }
  return [element.children[0] as HTMLElement, element.children[1] as HTMLElement];
}
