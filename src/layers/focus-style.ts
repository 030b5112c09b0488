// How a selection's focus shows in the layers: what is not in focus keeps its colour at a fifth of its
// opacity, so the selection and its connections read at a glance while the rest stays as context.
import type { RGBA } from '../core/colours.ts';
import type { Focus } from '../model/focus.ts';

/** Opacity left to what is outside the focus (alpha multiplier). */
export const FADED_OPACITY = 0.2;

/** The colour as drawn: unchanged in focus, its alpha scaled by FADED_OPACITY outside it. */
export function focusColour(colour: RGBA, focused: boolean): RGBA {
  return focused ? colour : [colour[0], colour[1], colour[2], Math.round(colour[3] * FADED_OPACITY)];
}

const triggers = new WeakMap<Focus, string>();
let focusCount = 0;

/**
 * An update trigger for colour accessors that changes exactly when the focus does. deck.gl compares triggers
 * by their own enumerable keys, which a Set has none of, so each focus gets a string of its own (focus is
 * memoised per selection, so its identity changes only with the selection).
 */
export function focusTrigger(focus: Focus | null): string {
  if (!focus) return '';
  let trigger = triggers.get(focus);
  if (!trigger) triggers.set(focus, (trigger = `focus-${(focusCount += 1)}`));
  return trigger;
}
