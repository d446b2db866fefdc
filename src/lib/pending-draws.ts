/**
 * The drawings the page is waiting for: charts that came near the viewport and are not drawn yet (their
 * code still loading, or their turn in the idle-time queue not come; src/components/use-near-viewport.ts
 * counts them). Background work that would share the main thread or the line with them (reading the
 * site lists, writing the saved copy, the share toolbar's code) waits until there are none, so that the
 * first view's charts are drawn first: on a phone each of those takes a few hundred milliseconds, and
 * drawn between two charts they delay every chart after them.
 */
import { afterNextFrames, whenFirstScreenShown } from './first-screen.ts';

let pending = 0;
const waiters = new Set<() => void>();

/** A drawing is awaited; call the returned function once (drawn, or no longer wanted). */
export function drawAwaited(): () => void {
  pending += 1;
  let settled = false;
  return () => {
    if (settled) return;
    settled = true;
    pending -= 1;
    if (pending === 0) {
      for (const resolve of [...waiters]) resolve();
    }
  };
}

/** How long background work waits for the drawings at most (a drawing that never comes). */
export const DRAWS_WAIT_LIMIT_MS = 10_000;

/** Resolves when no drawing is awaited (at once when none is), or after `limitMs` at the latest. */
export function whenDrawsDone(limitMs: number = DRAWS_WAIT_LIMIT_MS): Promise<void> {
  if (pending === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      waiters.delete(done);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, limitMs);
    waiters.add(done);
  });
}

/**
 * Resolves once the first screen has been shown (src/lib/first-screen.ts) and the drawings of the charts
 * that came near the viewport with it are done, or after `limitMs` at the latest. The charts of that
 * screen are awaited from the frame after they were laid out (their IntersectionObserver's first
 * answer), hence the frames waited for before `whenDrawsDone`.
 */
export function whenFirstViewDrawn(limitMs: number = DRAWS_WAIT_LIMIT_MS): Promise<void> {
  return whenFirstScreenShown()
    .then(() => new Promise<void>((resolve) => afterNextFrames(resolve)))
    .then(() => whenDrawsDone(limitMs));
}
