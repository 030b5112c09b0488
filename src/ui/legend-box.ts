// The map's own compact legend (#map-legend): its heading button shows and hides the legend beside the map.
// Open by default; closed by default in small embeds and on phones, where it would cover much of the map.

/** Embeds up to this size (CSS pixels, either side) start with the legend closed. */
export const SMALL_EMBED = { width: 900, height: 520 };
/** Windows narrower than this (phones) start with it closed too. */
export const PHONE_WIDTH = 600;

export interface LegendBox {
  setOpen(open: boolean): void;
  isOpen(): boolean;
}

export function bindLegendBox(
  toggle: HTMLElement,
  legend: HTMLElement,
  options: { embed: boolean; width?: number; height?: number },
): LegendBox {
  const { embed, width = window.innerWidth, height = window.innerHeight } = options;
  const setOpen = (open: boolean) => {
    legend.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
  };
  toggle.addEventListener('click', () => setOpen(toggle.getAttribute('aria-expanded') !== 'true'));
  const smallEmbed = embed && (width <= SMALL_EMBED.width || height <= SMALL_EMBED.height);
  setOpen(!(smallEmbed || width < PHONE_WIDTH));
  return { setOpen, isOpen: () => toggle.getAttribute('aria-expanded') === 'true' };
}
