// Story mode: steps through a story's scenes with keys a presentation clicker sends
// (→ / Space / PageDown, ← / PageUp, Home / End, Esc), progress dots and a caption.
// Loaded on demand, with the stories file, only when a story is opened.
import type { Scene, Story } from '../core/stories.ts';
import { t, tf, type Lang } from '../core/i18n/i18n.ts';
import { el } from './dom.ts';

export interface StoryHost {
  applyScene(scene: Scene, animate: boolean): void;
  lang(): Lang;
  /** Called with the story and 1-based scene, or nulls when the story closes. */
  onChange(storyId: string | null, scene: number | null): void;
}

export interface StoryPlayer {
  stories: Story[];
  open(storyId: string, scene: number, animate: boolean): boolean;
  step(delta: number): void;
  go(scene: number): void;
  close(): void;
  render(): void;
  active(): { story: Story; scene: number } | null;
}

export function createStoryPlayer(container: HTMLElement, stories: Story[], host: StoryHost): StoryPlayer {
  let current: { story: Story; scene: number } | null = null;

  const show = (animate: boolean) => {
    if (!current) return;
    host.applyScene(current.story.scenes[current.scene - 1]!, animate);
    host.onChange(current.story.id, current.scene);
    player.render();
  };

  const player: StoryPlayer = {
    stories,
    open(storyId, scene, animate) {
      const story = stories.find((s) => s.id === storyId);
      if (!story) return false;
      current = { story, scene: Math.min(Math.max(1, scene), story.scenes.length) };
      show(animate);
      return true;
    },
    step(delta) {
      if (current) player.go(current.scene + delta);
    },
    go(scene) {
      if (!current) return;
      const next = Math.min(Math.max(1, scene), current.story.scenes.length);
      if (next === current.scene) return;
      current = { ...current, scene: next };
      show(true);
    },
    close() {
      current = null;
      container.hidden = true;
      container.replaceChildren();
      host.onChange(null, null);
    },
    active: () => current,
    render() {
      if (!current) return;
      const lang = host.lang();
      const { story, scene } = current;
      const count = story.scenes.length;
      const button = (text: string, label: string, onClick: () => void, disabled = false) => {
        const b = el('button', { text, attrs: { type: 'button', 'aria-label': label, title: label } });
        b.disabled = disabled;
        b.addEventListener('click', onClick);
        return b;
      };
      const dots = el(
        'div',
        { className: 'story-dots', attrs: { role: 'group', 'aria-label': t(lang, 'story.progress') } },
        ...story.scenes.map((_, i) => {
          const dot = button('', tf(lang, 'story.sceneOf', { n: i + 1, count }), () => player.go(i + 1));
          dot.className = 'story-dot';
          if (i + 1 === scene) dot.setAttribute('aria-current', 'step');
          return dot;
        }),
      );
      const [back, forward] = lang === 'fa' ? ['→', '←'] : ['←', '→'];
      container.replaceChildren(
        el(
          'div',
          { className: 'story-head' },
          el('strong', { className: 'story-title', text: story.title[lang] }),
          el('span', { className: 'story-count', text: tf(lang, 'story.sceneOf', { n: scene, count }) }),
          button('×', t(lang, 'story.close'), () => player.close()),
        ),
        el('p', {
          className: 'story-caption',
          text: story.scenes[scene - 1]!.caption[lang],
          attrs: { 'aria-live': 'polite' },
        }),
        el(
          'div',
          { className: 'story-nav' },
          button(back, t(lang, 'story.previous'), () => player.step(-1), scene === 1),
          dots,
          button(forward, t(lang, 'story.next'), () => player.step(1), scene === count),
        ),
      );
      container.dataset['story'] = story.id;
      container.dataset['scene'] = String(scene);
      container.hidden = false;
    },
  };

  document.addEventListener(
    'keydown',
    (event) => {
      if (!current || (event.target as HTMLElement | null)?.closest?.('input, textarea, select, dialog')) return;
      const actions: Record<string, () => void> = {
        ArrowRight: () => player.step(1),
        ' ': () => player.step(1),
        PageDown: () => player.step(1),
        ArrowLeft: () => player.step(-1),
        PageUp: () => player.step(-1),
        Home: () => player.go(1),
        End: () => player.go(current!.story.scenes.length),
        Escape: () => player.close(),
      };
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      action();
    },
    true,
  ); // capture: a story's keys run before the app's own (Esc closes the story, not the panel)
  return player;
}
