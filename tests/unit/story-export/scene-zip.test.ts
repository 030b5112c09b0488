// The zip of scene images: safe ASCII names in scene order, and bytes that come back as written.
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { buildSceneZip, safeName, sceneFileName } from '../../../src/features/story-export/scene-zip.ts';

describe('scene file names', () => {
  it('are <story>-<lang>-scene-NN.png, with @2x for 2×', () => {
    expect(sceneFileName('east-azerbaijan', 'fa', 1)).toBe('east-azerbaijan-fa-scene-01.png');
    expect(sceneFileName('east-azerbaijan', 'en', 12, 2)).toBe('east-azerbaijan-en-scene-12@2x.png');
  });

  it('are safe ASCII whatever the story id holds', () => {
    expect(safeName('Fars / Uzbekistan: «فارس»')).toBe('fars-uzbekistan');
    expect(safeName('Çâspïan  routes')).toBe('caspian-routes');
    expect(safeName('../../etc/passwd')).toBe('etc-passwd');
    expect(safeName('آذربایجان')).toBe('story');
    for (const name of [sceneFileName('../x y', 'fa', 3), sceneFileName('اطلس', 'en', 1, 2)])
      expect(name).toMatch(/^[a-z0-9-]+-(fa|en)-scene-\d{2}(@2x)?\.png$/);
  });

  it('sort in scene order', () => {
    const names = [10, 2, 1].map((n) => sceneFileName('s', 'en', n));
    expect([...names].sort()).toEqual([1, 2, 10].map((n) => sceneFileName('s', 'en', n)));
  });
});

describe('buildSceneZip', () => {
  it('round-trips names and contents', async () => {
    const files = [1, 2, 3].map((n) => ({
      name: sceneFileName('caspian-kazakhstan', 'fa', n, 2),
      data: Uint8Array.from({ length: 1000 * n }, (_, i) => (i * 31 + n) & 255),
    }));
    const unzipped = unzipSync(await buildSceneZip(files));
    expect(Object.keys(unzipped)).toEqual(files.map((file) => file.name));
    for (const file of files) expect(unzipped[file.name]).toEqual(file.data);
  });

  it('refuses two files of the same name rather than dropping one', async () => {
    const file = { name: 'a.png', data: new Uint8Array([1]) };
    await expect(buildSceneZip([file, file])).rejects.toThrow(/duplicate/);
  });
});
