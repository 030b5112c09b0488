// "Animate flows" in the URL (animate=1, a bad value noticed) and in story scenes (a scene may set it on).
import { describe, expect, it } from 'vitest';
import { parseUrlState, writeUrlState, type UrlCatalog } from '../../src/state/url-state.ts';
import { initialState } from '../../src/state/state.ts';
import { sceneView } from '../../src/model/story-scene.ts';
import { storyFile } from '../../scripts/dataset/stories.ts';
import type { Scene } from '../../src/core/stories.ts';
import { builtAtlas } from './dataset/fixture.ts';

const catalog: UrlCatalog = { sectorIds: [], corridorIds: ['instc'], resolve: () => null };

describe('animate in the URL', () => {
  it('is off by default and on with animate=1, with no notice', () => {
    expect(parseUrlState('', catalog).state.animate).toBe(false);
    expect(parseUrlState('?animate=0', catalog)).toMatchObject({ state: { animate: false }, notices: [] });
    expect(parseUrlState('?animate=1', catalog)).toMatchObject({ state: { animate: true }, notices: [] });
  });

  it('falls back to still flows, with a notice, for any other value', () => {
    for (const bad of ['yes', 'true', '2', '1,1'])
      expect(parseUrlState(`?animate=${bad}`, catalog), bad).toMatchObject({
        state: { animate: false },
        notices: ['notice.badAnimate'],
      });
  });

  it('is written as animate=1 only while on, and read back', () => {
    const off = initialState('en', ['instc']);
    expect(writeUrlState('', off, ['instc'])).not.toContain('animate');
    const on = writeUrlState('?animate=1', { ...off, animate: true }, ['instc']);
    expect(on).toContain('animate=1');
    expect(parseUrlState(on, catalog).state.animate).toBe(true);
    expect(writeUrlState('?animate=1', off, ['instc'])).not.toContain('animate');
  });
});

describe('animate in a story scene', () => {
  const { atlas } = builtAtlas();
  const scene: Scene = { caption: { fa: 'صحنه', en: 'x' }, view: { center: [55, 35], zoom: 4 }, select: null };

  it('sets the flows moving where the scene says so, still otherwise', () => {
    expect(sceneView({ ...scene, animate: true }, atlas).animate).toBe(true);
    expect(sceneView(scene, atlas).animate).toBe(false);
  });

  it('is a boolean field of the story schema', () => {
    const story = { id: 's', title: { fa: 'داستان', en: 'x' }, scenes: [{ ...scene, animate: true }] };
    expect(storyFile.safeParse(story).success).toBe(true);
    expect(storyFile.safeParse({ ...story, scenes: [{ ...scene, animate: 'yes' }] }).success).toBe(false);
  });
});
