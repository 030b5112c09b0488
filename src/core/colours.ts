// Colour helpers for deck.gl accessors (RGBA 0–255) and the shared map palette.

export type RGBA = [number, number, number, number];

export function hexToRgba(hex: string, alpha = 255): RGBA {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
}

/** Mixes a colour towards white by `amount` (0–1), keeping its alpha. */
export function lighten([r, g, b, a]: RGBA, amount: number): RGBA {
  const mix = (c: number) => Math.round(c + (255 - c) * amount);
  return [mix(r), mix(g), mix(b), a];
}

export function cssColour([r, g, b, a]: RGBA): string {
  return `rgba(${r}, ${g}, ${b}, ${(a / 255).toFixed(2)})`;
}
