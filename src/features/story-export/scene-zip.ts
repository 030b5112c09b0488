// The scenes of a story as PNG files in one .zip (fflate, loaded on demand). PNGs are already
// compressed, so they are stored, not deflated again (storing is a CRC pass: milliseconds). The
// synchronous API on purpose: fflate's async one starts blob: workers, which the page's CSP refuses.
// No DOM: runs in the browser and in Node.
import type { Lang } from '../../core/i18n/i18n.ts';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** Lower-case ASCII letters, digits and single hyphens: safe in any file system and archive tool. */
export function safeName(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'story'
  );
}

/** `<story>-<lang>-scene-01.png`: sorts in scene order. */
export function sceneFileName(storyId: string, lang: Lang, scene: number, scale?: number): string {
  const suffix = scale && scale !== 1 ? `@${scale}x` : '';
  return `${safeName(storyId)}-${lang}-scene-${String(scene).padStart(2, '0')}${suffix}.png`;
}

/** Builds the archive; names must be unique (a repeated name throws rather than overwrite). */
export async function buildSceneZip(files: ZipEntry[]): Promise<Uint8Array> {
  const { zipSync } = await import('fflate');
  const entries: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const file of files) {
    if (Object.hasOwn(entries, file.name)) throw new Error(`duplicate file name in zip: ${file.name}`);
    entries[file.name] = [file.data, { level: 0 }];
  }
  return zipSync(entries);
}
