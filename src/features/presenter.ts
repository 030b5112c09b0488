// Presenters' features around the map: stories (loaded on demand), embed mode, the postMessage
// API for host pages, and the Share dialog. The open story and scene live in the store (and so in
// the URL); the story bar is a view of them.
import type { Store } from '../state/store.ts';
import type { ViewState } from '../state/state.ts';
import type { PageOptions } from '../state/url-state.ts';
import { resolveEntity } from '../model/selectors.ts';
import { isAllowedOrigin, MESSAGE_SOURCE, parseHostMessage, type HostCommand } from '../state/host-messages.ts';
import type { AtlasData } from '../core/atlas.ts';
import { STORIES_DATA_PATH, type Story } from '../core/stories.ts';
import type { MessageKey } from '../core/i18n/i18n.ts';
import type { StoryPlayer } from '../ui/story-player.ts';
import { bindMenu } from '../ui/menu.ts';
import { loadJson } from '../data/data-source.ts';
import { sceneState } from '../model/story-scene.ts';
import type { Renderer } from '../render/render.ts';

export interface PresenterApi {
  atlas: AtlasData;
  store: Store;
  renderer: Renderer;
  page: PageOptions;
  reducedMotion: boolean;
  setView(view: ViewState, animate: boolean): void;
  notice(key: MessageKey): void;
}

export interface Presenter {
  /** Opens the story and scene of the URL, if any. */
  start(): Promise<void>;
  /** Tells a host page the map is ready (postMessage). */
  announceReady(): void;
}

const byId = (id: string) => document.getElementById(id)!;

export function createPresenter(api: PresenterApi): Presenter {
  const { store, page } = api;
  // Replies carry no private data, so they go to any parent unless `origins` names some; an
  // `origins` that names none valid allows no commands and gets no replies either.
  const replyTarget = page.origins === null ? '*' : page.origins[0];
  let stories: Story[] | null = null;
  let player: StoryPlayer | null = null;

  if (page.embed) {
    document.documentElement.dataset['embed'] = 'true';
    if (page.title) {
      const box = byId('embed-title');
      box.textContent = page.title;
      box.hidden = false;
    }
    if (!page.legend) document.documentElement.dataset['legend'] = 'off';
  }

  const post = (message: Record<string, unknown>) => {
    if (window.parent !== window && replyTarget)
      window.parent.postMessage({ source: MESSAGE_SOURCE, ...message }, replyTarget);
  };

  /** Shows a scene: its state in one change, then its camera. */
  const show = (story: Story, scene: number, animate: boolean) => {
    const { view, ...state } = sceneState(story, scene, api.atlas);
    store.update(state);
    api.setView(view, animate && !api.reducedMotion);
  };

  const load = async (): Promise<Story[]> => {
    if (stories) return stories;
    const [{ createStoryPlayer }, loaded] = await Promise.all([
      import('../ui/story-player.ts'),
      loadJson(STORIES_DATA_PATH) as Promise<Story[]>,
    ]);
    stories = loaded;
    player = createStoryPlayer(byId('story-bar'), {
      go: (scene) => {
        const open = openStory();
        if (open) show(open, scene, true);
      },
      close: () => store.update({ story: null }),
    });
    return loaded;
  };
  const openStory = () => stories?.find((s) => s.id === store.get().app.story?.id) ?? null;

  /** Opens a story at a scene; false when there is no such story. */
  const open = async (storyId: string, scene: number, animate: boolean): Promise<boolean> => {
    const story = (await load()).find((s) => s.id === storyId);
    if (story) show(story, scene, animate);
    return Boolean(story);
  };

  api.renderer.add({
    view({ app }, before) {
      if (!player) return;
      const position = app.story;
      if (position === before?.app.story && app.lang === before?.app.lang) return;
      player.render(openStory(), position?.scene ?? 1, app.lang);
      if (before && position !== before.app.story)
        post({ type: 'scene', story: position?.id ?? null, scene: position?.scene ?? null });
    },
  });

  const run = async (command: HostCommand) => {
    switch (command.type) {
      case 'setView':
        return api.setView(command.view, !api.reducedMotion);
      case 'select':
        return store.update({ selection: command.id ? resolveEntity(command.id, api.atlas) : null });
      case 'setLang':
        return store.update({ lang: command.lang });
      case 'next':
      case 'previous': {
        const story = openStory();
        const position = store.get().app.story;
        if (story && position) show(story, position.scene + (command.type === 'next' ? 1 : -1), true);
        return;
      }
      case 'scene':
        return void open(command.story, command.scene, true);
    }
  };

  window.addEventListener('message', (event: MessageEvent) => {
    if ((event.data as { source?: unknown } | null)?.source !== MESSAGE_SOURCE) return; // not for us
    if (!isAllowedOrigin(event.origin, page.origins))
      return console.warn(`corridor-atlas: ignored a message from ${event.origin} (not in origins)`);
    const command = parseHostMessage(event.data);
    if (!command) return console.warn('corridor-atlas: ignored a malformed message', event.data);
    void run(command);
  });

  // Stories menu and Share button in the header.
  bindMenu(byId('stories-toggle'), byId('stories-menu'), async () => {
    const { lang } = store.get().app;
    return (await load()).map((story) => ({
      label: story.title[lang],
      attrs: { 'data-story': story.id },
      choose: () => void open(story.id, 1, true),
    }));
  });
  byId('share-open').addEventListener('click', async () => {
    const { openShareDialog } = await import('../ui/share-dialog.ts');
    openShareDialog(store.get().app.lang, location.href);
  });

  return {
    async start() {
      const position = store.get().app.story;
      if (!position) return;
      if (!(await open(position.id, position.scene, false))) {
        store.update({ story: null });
        api.notice('notice.badStory');
      }
    },
    announceReady() {
      const position = store.get().app.story;
      post({ type: 'ready', lang: store.get().app.lang, story: position?.id ?? null, scene: position?.scene ?? null });
    },
  };
}
