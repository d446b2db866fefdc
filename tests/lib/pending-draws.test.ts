/**
 * Background work waits for the drawings the page awaits (src/lib/pending-draws.ts): it goes on when the
 * last one is drawn or no longer wanted, at once when none is awaited, and after the limit when one
 * never comes.
 */
import { describe, expect, it } from 'vitest';
import { whenFirstScreenShown } from '../../src/lib/first-screen.ts';
import { drawAwaited, whenDrawsDone, whenFirstViewDrawn } from '../../src/lib/pending-draws.ts';

/** Whether `promise` has settled after pending microtasks and a macrotask. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
}

describe('whenDrawsDone', () => {
  it('goes on at once when no drawing is awaited', async () => {
    expect(await settled(whenDrawsDone())).toBe(true);
  });

  it('waits for every awaited drawing, each counted once', async () => {
    const first = drawAwaited();
    const second = drawAwaited();
    const done = whenDrawsDone();
    first();
    first(); // drawn, then its panel unmounted: still one
    expect(await settled(done)).toBe(false);
    second();
    expect(await settled(done)).toBe(true);
  });

  it('goes on after the limit when a drawing never comes', async () => {
    const never = drawAwaited();
    const limited = whenDrawsDone(20);
    expect(await settled(limited)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await settled(limited)).toBe(true);
    never();
  });
});

describe('whenFirstViewDrawn', () => {
  it('waits for the first screen, then for the drawings that joined meanwhile', async () => {
    const done = whenFirstViewDrawn();
    // A chart of that screen: awaited from just after it was shown (its first intersection answer).
    let drawn = () => {};
    void whenFirstScreenShown().then(() => (drawn = drawAwaited()));
    await whenFirstScreenShown();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await settled(done)).toBe(false);
    drawn();
    expect(await settled(done)).toBe(true);
  });
});
