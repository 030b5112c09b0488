// The clock of "Animate flows": while the animation is on, the system allows motion and the tab is visible, it
// moves the dots' phase once per animation frame, at most every MIN_TICK_MS; the render then redraws the dots
// layer alone. With software WebGL a frame can take seconds, and requestAnimationFrame waits for it, so the
// clock never queues work. It also follows `prefers-reduced-motion` into the session.
import type { Store } from '../state/store.ts';
import { phaseAt } from '../layers/flow-motion.ts';

/** The least time between two phases, in ms (about 20 frames a second at most). */
const MIN_TICK_MS = 50;

export function startFlowClock(store: Store): void {
  const motion = window.matchMedia('(prefers-reduced-motion: reduce)');
  const syncMotion = () => {
    if (store.get().session.reducedMotion !== motion.matches) store.updateSession({ reducedMotion: motion.matches });
  };
  syncMotion();
  motion.addEventListener('change', syncMotion);

  let frame = 0;
  let last = -Infinity;
  const running = () => {
    const { app, session } = store.get();
    return app.animate && !session.reducedMotion && document.visibilityState === 'visible';
  };
  const tick = (now: number) => {
    frame = 0;
    if (!running()) return;
    if (now - last >= MIN_TICK_MS) {
      last = now;
      store.updateSession({ motionPhase: phaseAt(now) });
    }
    follow();
  };
  const follow = () => {
    if (running()) {
      if (frame === 0) frame = requestAnimationFrame(tick);
    } else if (frame !== 0) {
      cancelAnimationFrame(frame);
      frame = 0;
    }
  };
  store.subscribe(follow);
  document.addEventListener('visibilitychange', follow);
  follow();
}
