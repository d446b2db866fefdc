/**
 * The drawings the page is waiting for: charts that came near the viewport and are not drawn yet (their
 * code still loading, or their turn in the idle-time queue not come; src/components/use-near-viewport.ts
 * counts them). Background work that would share the main thread with them (reading the site lists,
 * writing the saved copy) waits until there are none, so that the first view's charts are drawn first:
 * on a phone each of those takes a few hundred milliseconds, and drawn between two charts they delay
 * every chart after them.
 */

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
