// Colour science for accessibility checks: colour-vision deficiency simulation, CIEDE2000 colour
// difference and WCAG contrast. Pure functions on sRGB colours given as `#rrggbb` or [r, g, b] (0–255).

export type Rgb = readonly [number, number, number];
export type Vision = 'normal' | 'protanopia' | 'deuteranopia' | 'tritanopia';
export const DEFICIENCIES = ['protanopia', 'deuteranopia', 'tritanopia'] as const satisfies readonly Vision[];

type Matrix3 = readonly [Rgb, Rgb, Rgb];

/** Machado, Oliveira & Fernandes (2009), severity 1.0; they act on linear RGB. */
const MACHADO: Record<Exclude<Vision, 'normal'>, Matrix3> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

/** `#rgb`, `#rrggbb`, `#rrggbbaa`, `rgb(…)`/`rgba(…)` or [r, g, b(, a)] to [r, g, b, alpha 0–1]; null if unparseable. */
export function parseColour(value: string | readonly number[]): [number, number, number, number] | null {
  if (typeof value !== 'string') {
    const [r = 0, g = 0, b = 0, a = 255] = value;
    return [r, g, b, value.length > 3 ? a / 255 : 1];
  }
  const text = value.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(text)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
    const n = (i: number) => Number.parseInt(full.slice(i, i + 2), 16);
    return [n(0), n(2), n(4), full.length === 8 ? n(6) / 255 : 1];
  }
  if (text === 'white') return [255, 255, 255, 1];
  if (text === 'black') return [0, 0, 0, 1];
  const fn = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(text);
  if (!fn) return null;
  const alpha = fn[4] === undefined ? 1 : fn[4].endsWith('%') ? Number.parseFloat(fn[4]) / 100 : Number(fn[4]);
  return [Number(fn[1]), Number(fn[2]), Number(fn[3]), alpha];
}

function rgbOf(colour: string | Rgb): Rgb {
  const parsed = parseColour(colour);
  if (!parsed) throw new Error(`not a colour: ${String(colour)}`);
  return [parsed[0], parsed[1], parsed[2]];
}

/** A translucent colour painted over an opaque backdrop, as the browser composites it. */
export function composite(colour: string | readonly number[], backdrop: string | Rgb): Rgb {
  const [r, g, b, a] = parseColour(colour) ?? [0, 0, 0, 1];
  const under = rgbOf(backdrop);
  return [r * a + under[0] * (1 - a), g * a + under[1] * (1 - a), b * a + under[2] * (1 - a)];
}

const toLinear = (c: number) => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const fromLinear = (l: number) => 255 * (l <= 0.0031308 ? 12.92 * l : 1.055 * l ** (1 / 2.4) - 0.055);

/** How a colour looks to a reader with the given vision (dichromacy simulated in linear RGB, clipped to the gamut). */
export function simulate(colour: string | Rgb, vision: Vision): Rgb {
  const rgb = rgbOf(colour);
  if (vision === 'normal') return rgb;
  const lin = rgb.map(toLinear);
  const row = (m: Rgb) => Math.min(1, Math.max(0, m[0] * lin[0]! + m[1] * lin[1]! + m[2] * lin[2]!));
  const [m0, m1, m2] = MACHADO[vision];
  return [fromLinear(row(m0)), fromLinear(row(m1)), fromLinear(row(m2))];
}

/** WCAG 2.x relative luminance (0 black – 1 white). */
export function relativeLuminance(colour: string | Rgb): number {
  const [r, g, b] = rgbOf(colour).map(toLinear) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.x contrast ratio, 1–21; AA asks 4.5 for body text and 3 for large text. */
export function contrastRatio(a: string | Rgb, b: string | Rgb): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** CIE L*a*b* (D65) of an sRGB colour. */
export function toLab(colour: string | Rgb): [number, number, number] {
  const [r, g, b] = rgbOf(colour).map(toLinear) as [number, number, number];
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const [fx, fy, fz] = [f(x), f(y), f(z)];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

const deg = (rad: number) => (rad * 180) / Math.PI;
const rad = (d: number) => (d * Math.PI) / 180;

/** CIEDE2000 colour difference of two L*a*b* colours (Sharma, Wu & Dalal 2005); about 1 is just noticeable. */
export function deltaE2000([l1, a1, b1]: readonly number[], [l2, a2, b2]: readonly number[]): number {
  const c1 = Math.hypot(a1!, b1!);
  const c2 = Math.hypot(a2!, b2!);
  const cMean7 = ((c1 + c2) / 2) ** 7;
  const g = 0.5 * (1 - Math.sqrt(cMean7 / (cMean7 + 25 ** 7)));
  const ap1 = (1 + g) * a1!;
  const ap2 = (1 + g) * a2!;
  const cp1 = Math.hypot(ap1, b1!);
  const cp2 = Math.hypot(ap2, b2!);
  const hue = (b: number, a: number) => (b === 0 && a === 0 ? 0 : (deg(Math.atan2(b, a)) + 360) % 360);
  const hp1 = hue(b1!, ap1);
  const hp2 = hue(b2!, ap2);

  const dL = l2! - l1!;
  const dC = cp2 - cp1;
  let dh = 0;
  if (cp1 * cp2 !== 0)
    dh = Math.abs(hp2 - hp1) <= 180 ? hp2 - hp1 : hp2 - hp1 > 180 ? hp2 - hp1 - 360 : hp2 - hp1 + 360;
  const dH = 2 * Math.sqrt(cp1 * cp2) * Math.sin(rad(dh / 2));

  const lMean = (l1! + l2!) / 2;
  const cpMean = (cp1 + cp2) / 2;
  let hMean = hp1 + hp2;
  if (cp1 * cp2 !== 0)
    hMean = Math.abs(hp1 - hp2) <= 180 ? hMean / 2 : hMean < 360 ? (hMean + 360) / 2 : (hMean - 360) / 2;
  const t =
    1 -
    0.17 * Math.cos(rad(hMean - 30)) +
    0.24 * Math.cos(rad(2 * hMean)) +
    0.32 * Math.cos(rad(3 * hMean + 6)) -
    0.2 * Math.cos(rad(4 * hMean - 63));
  const sl = 1 + (0.015 * (lMean - 50) ** 2) / Math.sqrt(20 + (lMean - 50) ** 2);
  const sc = 1 + 0.045 * cpMean;
  const sh = 1 + 0.015 * cpMean * t;
  const cpMean7 = cpMean ** 7;
  const rt = -2 * Math.sqrt(cpMean7 / (cpMean7 + 25 ** 7)) * Math.sin(rad(60 * Math.exp(-(((hMean - 275) / 25) ** 2))));
  return Math.sqrt((dL / sl) ** 2 + (dC / sc) ** 2 + (dH / sh) ** 2 + rt * (dC / sc) * (dH / sh));
}

/** ΔE00 between two colours as seen with the given vision. */
export function colourDifference(a: string | Rgb, b: string | Rgb, vision: Vision = 'normal'): number {
  return deltaE2000(toLab(simulate(a, vision)), toLab(simulate(b, vision)));
}
