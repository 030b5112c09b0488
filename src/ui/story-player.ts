// Story mode: steps through a story's scenes with keys a presentation clicker sends
// (→ / Space / PageDown, ← / PageUp, Home / End, Esc), progress dots and a caption.
// Loaded on demand, with the stories file, only when a story is opened.
import type { Story } from '../core/stories.ts';
import { t, tf, type Lang } from '../core/i18n/i18n.ts';
import { el } from './dom.ts';

export interface StoryControls {
  /** Shows scene `scene` (1-based) of the open story. */
  go(scene: number): void;
  close(): void;
}

export interface StoryPlayer {
  /** Shows `story` at `scene` (1-based), or hides the bar when `story` is null. */
  render(story: Story | null, scene: number, lang: Lang): void;
}

export function createStoryPlayer(container: HTMLElement, controls: StoryControls): StoryPlayer {
  let current: { story: Story; scene: number } | null = null;
  const go = (scene: number) => {
    if (!current) return;
    const next = Math.min(Math.max(1, scene), current.story.scenes.length);
    if (next !== current.scene) controls.go(next);
  };
  const step = (delta: number) => current && go(current.scene + delta);

  const player: StoryPlayer = {
    render(story, scene, lang) {
      current = story && { story, scene };
      if (!story) {
        container.hidden = true;
        container.replaceChildren();
        return;
      }
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
          const dot = button('', tf(lang, 'story.sceneOf', { n: i + 1, count }), () => go(i + 1));
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
          button('×', t(lang, 'story.close'), () => controls.close()),
        ),
        el('p', {
          className: 'story-caption',
          text: story.scenes[scene - 1]!.caption[lang],
          attrs: { 'aria-live': 'polite' },
        }),
        el(
          'div',
          { className: 'story-nav' },
          button(back, t(lang, 'story.previous'), () => step(-1), scene === 1),
          dots,
          button(forward, t(lang, 'story.next'), () => step(1), scene === count),
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
        ArrowRight: () => step(1),
        ' ': () => step(1),
        PageDown: () => step(1),
        ArrowLeft: () => step(-1),
        PageUp: () => step(-1),
        Home: () => go(1),
        End: () => go(current!.story.scenes.length),
        Escape: () => controls.close(),
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
