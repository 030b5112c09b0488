// Presenters' pure parts: host messages, origin policy, share and embed snippets, stories.
import { describe, expect, it } from 'vitest';
import { allowedOrigins, isAllowedOrigin, parseHostMessage } from '../../src/state/host-messages.ts';
import { embedSnippet, embedUrl } from '../../src/model/share.ts';
import { loadStories, storyFile } from '../../scripts/dataset/stories.ts';
import { validateFile } from '../../scripts/dataset/load.ts';
import { builtAtlas } from './dataset/fixture.ts';

describe('parseHostMessage', () => {
  it.each([
    [{ source: 'corridor-atlas', type: 'next' }, { type: 'next' }],
    [{ source: 'corridor-atlas', type: 'previous' }, { type: 'previous' }],
    [
      { source: 'corridor-atlas', type: 'select', id: 'IR-03' },
      { type: 'select', id: 'IR-03' },
    ],
    [
      { source: 'corridor-atlas', type: 'select', id: null },
      { type: 'select', id: null },
    ],
    [
      { source: 'corridor-atlas', type: 'setLang', lang: 'en' },
      { type: 'setLang', lang: 'en' },
    ],
    [
      { source: 'corridor-atlas', type: 'scene', story: 'steel-mining', scene: 2 },
      { type: 'scene', story: 'steel-mining', scene: 2 },
    ],
    [
      { source: 'corridor-atlas', type: 'setView', view: { center: [58, 38], zoom: 4 } },
      { type: 'setView', view: { center: [58, 38], zoom: 4 } },
    ],
  ])('accepts %j', (message, command) => expect(parseHostMessage(message)).toEqual(command));

  it.each([
    null,
    'next',
    [],
    { type: 'next' },
    { source: 'other', type: 'next' },
    { source: 'corridor-atlas', type: 'eval', code: 'alert(1)' },
    { source: 'corridor-atlas', type: 'setLang', lang: 'de' },
    { source: 'corridor-atlas', type: 'select', id: 42 },
    { source: 'corridor-atlas', type: 'select', id: 'x'.repeat(65) },
    { source: 'corridor-atlas', type: 'scene', story: 'a', scene: 0 },
    { source: 'corridor-atlas', type: 'scene', story: 'a', scene: 1.5 },
    { source: 'corridor-atlas', type: 'setView', view: { center: [58, 95], zoom: 4 } },
    { source: 'corridor-atlas', type: 'setView', view: { center: ['58', 38], zoom: 4 } },
  ])('ignores %j', (message) => expect(parseHostMessage(message)).toBeNull());
});

describe('origin policy', () => {
  it('allows any origin by default and only the listed ones when configured', () => {
    expect(allowedOrigins('')).toBeNull();
    expect(isAllowedOrigin('https://slides.example', null)).toBe(true);
    const allowed = allowedOrigins('?origins=https://slides.example,javascript:alert(1),null');
    expect(allowed).toEqual(['https://slides.example', 'null']);
    expect(isAllowedOrigin('https://evil.example', allowed)).toBe(false);
  });
});

describe('share and embed', () => {
  const current = 'http://127.0.0.1:4173/?lang=fa&select=IR-03&view=50.000,36.000,5.00';

  it('builds an embed URL with the chosen options and the current state', () => {
    const url = new URL(
      embedUrl(current, { chromeless: true, lang: 'en', title: 'East Azerbaijan', legend: false, theme: 'projector' }),
    );
    expect(url.searchParams.get('embed')).toBe('1');
    expect(url.searchParams.get('lang')).toBe('en');
    expect(url.searchParams.get('select')).toBe('IR-03');
    expect(url.searchParams.get('title')).toBe('East Azerbaijan');
    expect(url.searchParams.get('legend')).toBe('0');
    expect(url.searchParams.get('theme')).toBe('projector');
    const themed = 'http://127.0.0.1:4173/?theme=dark';
    const auto = { chromeless: true, lang: 'en', title: '', legend: true, theme: null } as const;
    expect(new URL(embedUrl(themed, auto)).searchParams.has('theme')).toBe(false);
  });

  it('escapes the title and URL in the iframe snippet', () => {
    const snippet = embedSnippet(
      current,
      { chromeless: true, lang: 'fa', title: '"><script>x</script>', legend: true, theme: null },
      'Corridor Atlas',
    );
    expect(snippet).toMatch(
      /^<iframe src="http:\/\/127\.0\.0\.1:4173\/\?[^"]*embed=1[^"]*" title="&quot;&gt;&lt;script&gt;x&lt;\/script&gt;" /,
    );
    expect(snippet).not.toContain('<script>');
    expect(snippet).toContain('aspect-ratio:16/9');
  });
});

describe('stories', () => {
  const { atlas } = builtAtlas();
  const stories = loadStories(atlas);

  it('ships at least four stories, each scene valid against the data', () => {
    expect(stories.length).toBeGreaterThanOrEqual(4);
    expect(stories.map((s) => s.id)).toEqual(
      expect.arrayContaining([
        'fars-uzbekistan',
        'east-azerbaijan',
        'steel-mining',
        'razavi-northeast',
        'caspian-kazakhstan',
      ]),
    );
    for (const story of stories)
      for (const scene of story.scenes) expect(scene.caption.fa && scene.caption.en).toBeTruthy();
  });

  it('rejects a scene that selects an unknown id or flies off the map', () => {
    const bad = { ...stories[0]!, scenes: [{ ...stories[0]!.scenes[0]!, view: { center: [150, 38], zoom: 4 } }] };
    expect(validateFile('data/stories/x.json', bad, storyFile).problems.join('\n')).toMatch(
      /scenes\[0\]\.view\.center/,
    );
  });
});
