import { describe, expect, it } from 'vitest';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import { BIG_DATA, createUploadPacer } from '../../src/map/upload-pacing.ts';

const binary = (length: number) => ({ length, attributes: {}, rowIndexes: new Uint32Array(0) });
const layer = (id: string, data: unknown) => new ScatterplotLayer({ id, data: data as never }) as unknown as Layer;
const lengths = (layers: Layer[]) => layers.map((l) => (l.props.data as { length: number }).length);

describe('upload pacing: big new data reaches deck.gl one layer per drawn frame', () => {
  const small = layer('atlas', [{}, {}]);
  const big = [0, 1, 2].map((k) => layer(`imported-flows-1/${k}`, binary(BIG_DATA + k)));

  it('lets small layers and one big one through, holds the others empty and hidden in their places', () => {
    const pacer = createUploadPacer();
    const first = pacer.pace([small, ...big]);
    expect(first.held).toBe(true);
    expect(first.layers[0]).toBe(small);
    expect(first.layers[1]).toBe(big[0]);
    expect(first.layers.map((l) => l.id)).toEqual([small, ...big].map((l) => l.id));
    expect(lengths(first.layers)).toEqual([2, BIG_DATA, 0, 0]);
    expect(first.layers.slice(2).map((l) => l.props.visible)).toEqual([false, false]);
  });

  it('admits nothing new until a frame is drawn, then the next; data handed over before goes straight through', () => {
    const pacer = createUploadPacer();
    pacer.pace([small, ...big]);
    expect(lengths(pacer.pace([small, ...big]).layers)).toEqual([2, BIG_DATA, 0, 0]);
    pacer.frameDrawn();
    expect(lengths(pacer.pace([small, ...big]).layers)).toEqual([2, BIG_DATA, BIG_DATA + 1, 0]);
    pacer.frameDrawn();
    const last = pacer.pace([small, ...big]);
    expect(last.held).toBe(false);
    expect(last.layers).toEqual([small, ...big]);
    // A new layer instance over data already on the GPU (a redraw for a hover) is not held.
    const again = big.map((l) => l.clone({ opacity: 0.5 }));
    expect(pacer.pace(again)).toEqual({ layers: again, held: false });
  });

  it('holds array data as an empty array', () => {
    const pacer = createUploadPacer(2);
    const arrays = [layer('a', [1, 2]), layer('b', [1, 2, 3])];
    expect(pacer.pace(arrays).layers[1]!.props.data).toEqual([]);
  });
});
