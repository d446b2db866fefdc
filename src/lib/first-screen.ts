/**
 * When the first screen with data is on screen. What that screen does not need (the chart drawings'
 * code, the chart panels after the first four, the share and export tools once the first charts are
 * drawn as well) starts loading or rendering only then, so it never competes with it for the network
 * or the main thread, and a phone shows the figures and the charts' findings first.
 *
 * The screen says so itself: its elements that are there whenever data is shown (the result count,
 * the chart panels' titles) carry `elementtiming={FIRST_SCREEN}`, and the Element Timing API reports
 * when one of them has been painted and presented. Browsers without that API wait for the frame after
 * the next one instead; and whatever happens (nothing marked is painted, e.g. in a hidden tab), the
 * wait ends FALLBACK_MS after it began.
 */

/** The `elementtiming` identifier of the first screen's elements. */
export const FIRST_SCREEN = 'first-screen';

const FALLBACK_MS = 1000;

let shown: Promise<void> | undefined;
let wasShown = false;

/** True once the first screen has been shown (`whenFirstScreenShown` resolved). */
export function firstScreenWasShown(): boolean {
  return wasShown;
}

/** Calls `callback` in a task after the frame after the next one (at once, in a task, without frames). */
export function afterNextFrames(callback: () => void): void {
  if (typeof requestAnimationFrame !== 'function') setTimeout(callback, 0);
  else requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(callback, 0)));
}

function supportsElementTiming(): boolean {
  return (
    typeof PerformanceObserver !== 'undefined' &&
    (PerformanceObserver.supportedEntryTypes ?? []).includes('element')
  );
}

/** Resolves once the first screen has been shown (see above); at once after it has been. */
export function whenFirstScreenShown(): Promise<void> {
  shown ??= new Promise<void>((resolve) => {
    const observer = supportsElementTiming()
      ? new PerformanceObserver((list) => {
          const entries = list.getEntries() as (PerformanceEntry & { identifier?: string })[];
          if (entries.some((entry) => entry.identifier === FIRST_SCREEN)) done();
        })
      : undefined;
    const timer = setTimeout(done, FALLBACK_MS);
    function done() {
      observer?.disconnect();
      clearTimeout(timer);
      wasShown = true;
      resolve();
    }
    if (observer) observer.observe({ type: 'element', buffered: true });
    else afterNextFrames(done);
  });
  return shown;
}
