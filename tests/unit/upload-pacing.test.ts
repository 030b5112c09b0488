import { describe, expect, it, vi } from 'vitest';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import { BIG_DATA, createUploadPacer, pacedHandover } from '../../src/map/upload-pacing.ts';

const binary = (length: number) => ({ length, attributes: {}, rowIndexes: new Uint32Array(0) });
const layer = (id: string, data: unknown) => new ScatterplotLayer({ id, data: data as never }) as unknown as Layer;
const lengths = (layers: Layer[]) => layers.map((l) => (l.props.data as { length: number }).length);

describe('upload pacing: big new data reaches deck.gl one layer per drawn frame', () => {
  const small = layer('atlas', [{}, {}]);
  const big = [0, 1, 2].map((k) => layer(`imported-flows-1/${k}`, binary(BIG_DATA + k)));

  it('lets small layers and one big one through, and leaves the others out until their turn', () => {
    const pacer = createUploadPacer();
    const first = pacer.pace([small, ...big]);
    expect(first.held).toBe(true);
    expect(first.layers).toEqual([small, big[0]]);
  });

  it('admits nothing new until a frame is drawn, then the next; data handed over before goes straight through', () => {
    const pacer = createUploadPacer();
    pacer.pace([small, ...big]);
    expect(lengths(pacer.pace([small, ...big]).layers)).toEqual([2, BIG_DATA]);
    pacer.frameDrawn();
    expect(lengths(pacer.pace([small, ...big]).layers)).toEqual([2, BIG_DATA, BIG_DATA + 1]);
    pacer.frameDrawn();
    const last = pacer.pace([small, ...big]);
    expect(last.held).toBe(false);
    expect(last.layers).toEqual([small, ...big]);
    // A new layer instance over data already on the GPU (a redraw for a hover) is not held.
    const again = big.map((l) => l.clone({ opacity: 0.5 }));
    expect(pacer.pace(again)).toEqual({ layers: again, held: false });
  });

  it('does not hold the data of layers deck.gl already has when the pacer starts', () => {
    const pacer = createUploadPacer(big.slice(0, 2));
    const paced = pacer.pace([small, ...big]);
    expect(lengths(paced.layers)).toEqual([2, BIG_DATA, BIG_DATA + 1, BIG_DATA + 2]);
    expect(paced.held).toBe(false);
    // The new one was let through, so a further new one waits for the next frame.
    expect(pacer.pace([layer('later', binary(BIG_DATA))]).held).toBe(true);
  });

  it('paces array data by its length too', () => {
    const pacer = createUploadPacer([], 2);
    const arrays = [layer('a', [1, 2]), layer('b', [1, 2, 3])];
    expect(pacer.pace(arrays).layers).toEqual([arrays[0]]);
  });
});

describe('paced handover: the map hands its layers over through the pacer', () => {
  const small = layer('atlas', [{}, {}]);
  const big = [0, 1].map((k) => layer(`imported-flows-2/${k}`, binary(BIG_DATA + k)));

  it('hands the next piece over in a task of its own after each drawn frame, until none is held', () => {
    vi.useFakeTimers();
    try {
      const given: number[][] = [];
      const overlay = { setProps: ({ layers }: { layers?: Layer[] }) => void given.push(lengths(layers ?? [])) };
      let wanted = [small];
      const handover = pacedHandover(overlay, () => wanted, wanted);
      wanted = [small, ...big];
      handover.push();
      expect(given).toEqual([[2, BIG_DATA]]);
      handover.frameDrawn();
      expect(given).toHaveLength(1);
      vi.runAllTimers();
      expect(given[1]).toEqual([2, BIG_DATA, BIG_DATA + 1]);
      // Nothing held any more: a drawn frame schedules nothing.
      handover.frameDrawn();
      vi.runAllTimers();
      expect(given).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not hold again what the overlay had when it took over', () => {
    const given: number[][] = [];
    const overlay = { setProps: ({ layers }: { layers?: Layer[] }) => void given.push(lengths(layers ?? [])) };
    const wanted = [small, ...big];
    pacedHandover(overlay, () => wanted, wanted).push();
    expect(given).toEqual([[2, BIG_DATA, BIG_DATA + 1]]);
  });
});
