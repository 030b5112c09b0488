// Presenters' features around the map: stories (loaded on demand), embed mode, the postMessage
// API for host pages, and the Share dialog. Works through a small API onto the app's state.
import { ALL_LAYERS_ON, LAYER_GROUPS, type AppState, type ViewState } from '../state/state.ts';
import { resolveEntity } from '../model/selectors.ts';
import { ALL_TIME } from '../state/filters.ts';
import {
  allowedOrigins,
  isAllowedOrigin,
  MESSAGE_SOURCE,
  parseHostMessage,
  type HostCommand,
} from '../state/host-messages.ts';
import type { AtlasData } from '../core/atlas.ts';
import { STORIES_DATA_PATH, type Scene, type Story } from '../core/stories.ts';
import { t, type Lang } from '../core/i18n/i18n.ts';
import type { StoryPlayer } from '../ui/story-player.ts';
import { bindMenu } from '../ui/menu.ts';
import { loadJson } from '../data/data-source.ts';

export interface AppApi {
  atlas: AtlasData;
  corridorIds: string[];
  state(): AppState;
  update(patch: Partial<AppState>): void;
  setView(view: ViewState, animate: boolean): void;
}

export interface Presenter {
  /** Opens `?story=&scene=` from the URL, if any. */
  start(): Promise<void>;
  /** Tells a host page the map is ready (postMessage). */
  announceReady(): void;
  /** Re-renders presenter UI in the current language. */
  relabel(): void;
  embed: boolean;
}

const byId = (id: string) => document.getElementById(id)!;

export function createPresenter(api: AppApi, reducedMotion: boolean): Presenter {
  const params = new URLSearchParams(location.search);
  const embed = params.get('embed') === '1';
  const origins = allowedOrigins(location.search);
  // Replies carry no private data, so they go to any parent unless `origins` names some; an
  // `origins` that names none valid allows no commands and gets no replies either.
  const replyTarget = origins === null ? '*' : origins[0];
  let player: StoryPlayer | null = null;

  if (embed) {
    document.documentElement.dataset['embed'] = 'true';
    const title = params.get('title');
    if (title) {
      const box = byId('embed-title');
      box.textContent = title.slice(0, 120);
      box.hidden = false;
    }
    if (params.get('legend') === '0') document.documentElement.dataset['legend'] = 'off';
  }

  const post = (message: Record<string, unknown>) => {
    if (window.parent !== window && replyTarget)
      window.parent.postMessage({ source: MESSAGE_SOURCE, ...message }, replyTarget);
  };

  const applyScene = (scene: Scene, animate: boolean) => {
    const layers = scene.layers
      ? (Object.fromEntries(LAYER_GROUPS.map((g) => [g, scene.layers!.includes(g)])) as AppState['layers'])
      : { ...ALL_LAYERS_ON };
    api.update({
      selection: scene.select ? resolveEntity(scene.select, api.atlas) : null,
      layers,
      sectors: scene.sectors ?? null,
      corridors: scene.corridors ?? api.corridorIds,
      // A scene shows what its caption describes, whatever the viewer filtered before.
      time: ALL_TIME,
      metric: 'activity',
    });
    api.setView({ center: scene.view.center, zoom: scene.view.zoom }, animate && !reducedMotion);
  };

  const loadPlayer = async (): Promise<StoryPlayer> => {
    if (player) return player;
    const [{ createStoryPlayer }, stories] = await Promise.all([
      import('../ui/story-player.ts'),
      loadJson(STORIES_DATA_PATH) as Promise<Story[]>,
    ]);
    player = createStoryPlayer(byId('story-bar'), stories, {
      applyScene,
      lang: () => api.state().lang,
      onChange: (storyId, scene) => {
        const url = new URL(location.href);
        if (storyId) {
          url.searchParams.set('story', storyId);
          url.searchParams.set('scene', String(scene));
        } else {
          url.searchParams.delete('story');
          url.searchParams.delete('scene');
        }
        history.replaceState(history.state, '', url);
        post({ type: 'scene', story: storyId, scene });
      },
    });
    return player;
  };

  const openStory = async (storyId: string, scene: number, animate: boolean): Promise<boolean> =>
    (await loadPlayer()).open(storyId, scene, animate);

  const run = async (command: HostCommand) => {
    switch (command.type) {
      case 'setView':
        return api.setView(command.view, !reducedMotion);
      case 'select':
        return api.update({ selection: command.id ? resolveEntity(command.id, api.atlas) : null });
      case 'setLang':
        return api.update({ lang: command.lang });
      case 'next':
      case 'previous':
        return player?.step(command.type === 'next' ? 1 : -1);
      case 'scene':
        return void openStory(command.story, command.scene, true);
    }
  };

  window.addEventListener('message', (event: MessageEvent) => {
    if ((event.data as { source?: unknown } | null)?.source !== MESSAGE_SOURCE) return; // not for us
    if (!isAllowedOrigin(event.origin, origins))
      return console.warn(`corridor-atlas: ignored a message from ${event.origin} (not in origins)`);
    const command = parseHostMessage(event.data);
    if (!command) return console.warn('corridor-atlas: ignored a malformed message', event.data);
    void run(command);
  });

  // Stories menu and Share button in the header.
  bindMenu(byId('stories-toggle'), byId('stories-menu'), async () => {
    const { stories } = await loadPlayer();
    const lang: Lang = api.state().lang;
    return stories.map((story) => ({
      label: story.title[lang],
      attrs: { 'data-story': story.id },
      choose: () => void openStory(story.id, 1, true),
    }));
  });
  byId('share-open').addEventListener('click', async () => {
    const { openShareDialog } = await import('../ui/share-dialog.ts');
    openShareDialog(api.state().lang, location.href);
  });

  return {
    embed,
    relabel: () => player?.render(),
    async start() {
      const story = params.get('story');
      if (story) {
        const scene = Number.parseInt(params.get('scene') ?? '1', 10);
        const opened = await openStory(story, Number.isFinite(scene) ? scene : 1, false);
        if (!opened) console.warn(t(api.state().lang, 'notice.badStory'));
      }
    },
    announceReady() {
      const active = player?.active();
      post({ type: 'ready', lang: api.state().lang, story: active?.story.id ?? null, scene: active?.scene ?? null });
    },
  };
}
