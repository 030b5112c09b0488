// Hands deck.gl big new data one layer per drawn frame. deck.gl copies a layer's attributes to the GPU
// in the frame that first draws it, all at once: a million imported arcs (some 60 MB) held one frame
// 250–350 ms. Cut into layers (src/layers/imported-layers.ts) and paced here, no frame uploads more
// than one piece. A held layer is left out until its turn: handed over empty and hidden, as it once was,
// sixteen pieces each built their GPU model in the first frame, 25–30 ms of a frame that also uploads one.
// The map loads this after its first frame (it is not needed to draw one): until then layers go to deck.gl
// as they are.
import type { Layer } from '@deck.gl/core';
import type { MapLibreOverlay } from '@deck.gl/maplibre';

/** Items from which a layer's data counts as big: smaller data goes straight through. */
export const BIG_DATA = 16_384;

export interface Paced {
  /** What deck.gl gets now. */
  layers: Layer[];
  /** True while some layers wait for a later frame. */
  held: boolean;
}

export interface UploadPacer {
  /** The layers to hand deck.gl now: a layer with big data not yet handed over waits, one goes per frame. */
  pace(wanted: readonly Layer[]): Paced;
  /** A frame has been drawn: the data let through before it is on the GPU, the next may go. */
  frameDrawn(): void;
}

const lengthOf = (data: unknown): number =>
  typeof data === 'object' && data !== null && typeof (data as { length?: unknown }).length === 'number'
    ? (data as { length: number }).length
    : 0;

/**
 * One pacer per deck.gl instance: what it remembers as handed over lives in that deck's GPU context.
 * `drawn`: layers that deck already has, whose data is not held again.
 */
export function createUploadPacer(drawn: readonly Layer[] = [], minLength = BIG_DATA): UploadPacer {
  const handedOver = new WeakSet<object>();
  for (const layer of drawn) if (lengthOf(layer.props.data) > 0) handedOver.add(layer.props.data as object);
  let admittedThisFrame = false;
  return {
    pace(wanted) {
      let held = false;
      const layers = wanted.filter((layer) => {
        const data = layer.props.data as unknown;
        if (lengthOf(data) < minLength || handedOver.has(data as object)) return true;
        if (!admittedThisFrame) {
          admittedThisFrame = true;
          handedOver.add(data as object);
          return true;
        }
        held = true;
        return false;
      });
      return { layers, held };
    },
    frameDrawn() {
      admittedThisFrame = false;
    },
  };
}

/** How the map hands its layers to deck.gl. */
export interface Handover {
  /** Hands deck.gl the layers wanted now. */
  push(): void;
  /** Called after each drawn frame. */
  frameDrawn(): void;
}

/**
 * Hands `wanted()` to the overlay with big new data paced over frames; `drawn` is what the overlay has
 * already, which is not held again.
 */
export function pacedHandover(
  overlay: Pick<MapLibreOverlay, 'setProps'>,
  wanted: () => Layer[],
  drawn: readonly Layer[],
): Handover {
  const pacer = createUploadPacer(drawn);
  let held = false;
  const push = (): void => {
    const paced = pacer.pace(wanted());
    held = paced.held;
    overlay.setProps({ layers: paced.layers });
  };
  return {
    push,
    frameDrawn() {
      pacer.frameDrawn();
      // A task of its own, so the next piece's upload lands in the next frame, not this one.
      if (held) setTimeout(push, 0);
    },
  };
}
