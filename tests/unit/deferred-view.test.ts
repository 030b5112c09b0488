import { describe, expect, it } from 'vitest';
import { deferredView } from '../../src/map/deferred-view.ts';
import type { AtlasView } from '../../src/map/map-view.ts';

function recordingView(log: string[]): AtlasView {
  return {
    ready: Promise.resolve(),
    setLayers: (layers) => void log.push(`layers ${layers.length}`),
    renderCount: () => 7,
    setLanguage: (lang) => void log.push(`lang ${lang}`),
    project: ([lon, lat]) => [lon * 2, lat * 2],
    flyTo: () => void log.push('flyTo'),
    setView: (view) => void log.push(`view ${view.zoom}`),
    fitRegion: () => void log.push('fit'),
    setTheme: (theme) => void log.push(`theme ${theme.id}`),
  };
}

describe('deferredView', () => {
  it('replays the calls made before its view arrived, in order, then forwards directly', async () => {
    const log: string[] = [];
    let arrive!: (view: AtlasView) => void;
    const view = deferredView(new Promise((resolve) => (arrive = resolve)));
    view.setLanguage('fa');
    view.setLayers([]);
    view.setView({ center: [55, 35], zoom: 4 }, false);
    expect(view.renderCount()).toBe(0);
    expect(view.project([1, 2]).every(Number.isNaN)).toBe(true);
    expect(log).toEqual([]);
    arrive(recordingView(log));
    await view.ready;
    expect(log).toEqual(['lang fa', 'layers 0', 'view 4']);
    view.fitRegion();
    expect(log.at(-1)).toBe('fit');
    expect(view.renderCount()).toBe(7);
    expect(view.project([1, 2])).toEqual([2, 4]);
  });

  it('is ready only once the loaded view is', async () => {
    let drawn = false;
    const view = deferredView(
      Promise.resolve({
        ...recordingView([]),
        ready: new Promise<void>((resolve) => setTimeout(() => ((drawn = true), resolve()), 5)),
      }),
    );
    await view.ready;
    expect(drawn).toBe(true);
  });
});
