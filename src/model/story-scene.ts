// What a story scene shows, as a change to the app state: its selection, layers, sectors,
// corridors and whether the flows move, with the filters a viewer set cleared (a scene shows what its caption describes).
import { ALL_LAYERS_ON, LAYER_GROUPS, type AppState } from '../state/state.ts';
import { ALL_TIME } from '../state/filters.ts';
import type { AtlasData } from '../core/atlas.ts';
import type { Scene, Story } from '../core/stories.ts';
import { resolveEntity } from '../core/entities.ts';

/** The 1-based scene number clamped into the story. */
export function clampScene(story: Story, scene: number): number {
  return Math.min(Math.max(1, Math.trunc(scene) || 1), story.scenes.length);
}

/** The state for scene `scene` (1-based, clamped) of `story`, camera included. */
export function sceneState(story: Story, scene: number, atlas: AtlasData): Omit<AppState, 'lang' | 'theme'> {
  const index = clampScene(story, scene);
  return { story: { id: story.id, scene: index }, ...sceneView(story.scenes[index - 1]!, atlas) };
}

/** What one scene shows, camera included, without making it the open story (exports play scenes so). */
export function sceneView(shown: Scene, atlas: AtlasData): Omit<AppState, 'lang' | 'story' | 'theme'> {
  return {
    selection: shown.select ? resolveEntity(shown.select, atlas) : null,
    layers: shown.layers
      ? (Object.fromEntries(LAYER_GROUPS.map((g) => [g, shown.layers!.includes(g)])) as AppState['layers'])
      : { ...ALL_LAYERS_ON },
    sectors: shown.sectors ?? null,
    corridors: shown.corridors ?? atlas.corridors.map((c) => c.id),
    time: ALL_TIME,
    metric: 'activity',
    compare: null,
    view: { center: shown.view.center, zoom: shown.view.zoom },
    // A scene may set the flows moving; the others show them still, as the viewer sees every scene alike.
    animate: shown.animate === true,
  };
}
