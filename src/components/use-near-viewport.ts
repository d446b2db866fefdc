import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { drawAwaited } from '../lib/pending-draws.ts';

/**
 * Elements that came near the viewport and wait for their turn to be drawn, in idle periods of the main
 * thread: as many draws as fit in the idle period (at least one per period: another while the time
 * left is more than the last draw took), the ones in the viewport first. A draw is synchronous
 * (rendered and committed at once), so the time left in the period is known after each one. A chart's
 * first draw is one uninterruptible piece of work (Recharts registers its axes
 * and bars and re-renders in its layout effects, 20–40 ms on a desktop, four times that on a phone);
 * drawing them one after another in idle time keeps each task short instead of one long freeze, and
 * several to a period where they are cheap keeps the last chart from waiting a frame per chart.
 */
type Waiting = { draw: () => void; element: Element | undefined };
const waiting: Waiting[] = [];
let draining = false;

/** The elements of `waiting` that are in the viewport now (not only near it). */
const inView = new Set<Element>();
let viewObserver: IntersectionObserver | undefined;

function watchView(element: Element): void {
  if (typeof IntersectionObserver === 'undefined') return;
  viewObserver ??= new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) inView.add(entry.target);
      else inView.delete(entry.target);
    }
  });
  viewObserver.observe(element);
}

function unwatchView(element: Element): void {
  viewObserver?.unobserve(element);
  inView.delete(element);
}

type Deadline = { timeRemaining: () => number };

function whenIdle(callback: (deadline: Deadline) => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout: 1000 });
  else setTimeout(() => callback({ timeRemaining: () => 0 }), 16);
}

function takeNext(): Waiting | undefined {
  const at = waiting.findIndex((item) => item.element !== undefined && inView.has(item.element));
  const [next] = waiting.splice(Math.max(at, 0), 1);
  if (next?.element) unwatchView(next.element);
  return next;
}

/** Draws while the idle period has time for another draw as long as the last one took. */
function drawWhileIdle(deadline: Deadline): void {
  for (;;) {
    const next = takeNext();
    if (next === undefined) {
      draining = false;
      return;
    }
    const start = performance.now();
    next.draw();
    if (deadline.timeRemaining() <= performance.now() - start) break;
  }
  whenIdle(drawWhileIdle);
}

/** Queues `draw` (synchronous) for an idle period; returns the function that takes it off the queue. */
function enqueue(draw: () => void, element?: Element): () => void {
  const item: Waiting = { draw, element };
  waiting.push(item);
  if (element) watchView(element);
  if (!draining) {
    draining = true;
    whenIdle(drawWhileIdle);
  }
  return () => {
    const at = waiting.indexOf(item);
    if (at === -1) return;
    waiting.splice(at, 1);
    if (element) unwatchView(element);
  };
}

/** Calls `callback` after the next frame has been painted; returns the function that cancels it. */
function afterNextPaint(callback: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(callback, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/** True while the page is being printed (or emulated as print media). */
function printing(): boolean {
  return typeof matchMedia === 'function' && matchMedia('print').matches;
}

/**
 * Calls `draw` when the page is about to be printed or saved as PDF (`beforeprint`, or the print media
 * query starting to match), so that no chart prints as an empty box. Returns the unsubscribe function.
 */
function onPrint(draw: () => void): () => void {
  const media = typeof matchMedia === 'function' ? matchMedia('print') : undefined;
  const onChange = (event: MediaQueryListEvent) => {
    if (event.matches) draw();
  };
  window.addEventListener('beforeprint', draw);
  media?.addEventListener('change', onChange);
  return () => {
    window.removeEventListener('beforeprint', draw);
    media?.removeEventListener('change', onChange);
  };
}

/**
 * True while the page is printed or saved as PDF: set synchronously when printing starts (onPrint), so
 * that what a component shows only in print is there before the browser lays out the pages.
 */
export function usePrinting(): boolean {
  const [on, setOn] = useState(printing);
  useEffect(() => {
    const stop = onPrint(() => flushSync(() => setOn(true)));
    const after = () => setOn(printing());
    window.addEventListener('afterprint', after);
    return () => {
      stop();
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return on;
}

/**
 * True once the element has come within `margin` of the viewport (and its turn to be drawn came), and
 * from then on. Charts below the fold are drawn only when the reader gets near them, so the first view
 * does not pay for a dozen SVG charts at once (the main-thread cost that blocks a phone for seconds).
 * The draws take turns in idle periods (above). Without IntersectionObserver (old browsers, jsdom), and
 * when the page is printed, everything is drawn at once.
 */
export function useNearViewport(
  ref: RefObject<Element | null>,
  margin = '200px',
  /**
   * What must be there before the element is drawn (the lazily loaded code that draws it): awaited
   * before the element joins the queue, so that its draw in an idle period is synchronous.
   */
  ready?: () => Promise<unknown>,
): boolean {
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined' || printing());
  useEffect(() => {
    const element = ref.current;
    if (near || !element || typeof IntersectionObserver === 'undefined') return;
    let live = true;
    let dequeue: (() => void) | undefined;
    // Awaited from when the element comes near until it is drawn (src/lib/pending-draws.ts).
    let settle: (() => void) | undefined;
    const draw = () => {
      flushSync(() => setNear(true));
      settle?.();
    };
    // Printing draws every chart at once, synchronously, before the browser lays out the pages.
    const stopPrint = onPrint(() => {
      observer.disconnect();
      dequeue?.();
      draw();
    });
    const join = () => {
      if (live) dequeue = enqueue(draw, element);
    };
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect();
          settle = drawAwaited();
          // A failed load draws too: the drawing then reports the failure.
          if (ready) ready().then(join, join);
          else join();
        }
      },
      { rootMargin: `${margin} 0px` },
    );
    observer.observe(element);
    return () => {
      live = false;
      observer.disconnect();
      stopPrint();
      dequeue?.();
      settle?.();
    };
  }, [ref, margin, near, ready]);
  return near;
}

/**
 * What a drawn chart shows: `latest` while the element is within `margin` of the viewport; while it is
 * farther away, the drawing it last showed, so that a filter click repaints only the charts near the
 * screen in its task. A held drawing is brought up to date when the element comes within `margin`, in
 * an idle period (queued with the first draws), on `refresh()` (e.g. when focus moves
 * into the chart's panel) and, synchronously, before the page is printed. `stale` is true while an
 * out-of-date drawing is held. Nothing is held while `active` is false (the chart is not drawn yet) or
 * without IntersectionObserver.
 */
export function useHeldWhileAway(
  ref: RefObject<Element | null>,
  latest: ReactNode,
  active: boolean,
  margin = '200px',
): { shown: ReactNode; stale: boolean; refresh: () => void } {
  const [away, setAway] = useState(false);
  /** The drawing released for display while away (by the idle queue, `refresh` or printing). */
  const [released, setReleased] = useState<ReactNode>(null);
  /** The drawing on screen. */
  const [shown, setShown] = useState<ReactNode>(latest);
  const held = active && away && released !== latest && !printing();
  if (!held && shown !== latest) setShown(latest);
  const stale = held && shown !== latest;
  const latestRef = useRef<ReactNode>(latest);
  useEffect(() => {
    latestRef.current = latest;
  });
  useEffect(() => {
    const element = ref.current;
    if (!active || !element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        const entry = entries.at(-1);
        if (entry) setAway(!entry.isIntersecting);
      },
      { rootMargin: `${margin} 0px` },
    );
    observer.observe(element);
    const stopPrint = onPrint(() => flushSync(() => setReleased(latestRef.current)));
    return () => {
      observer.disconnect();
      stopPrint();
    };
  }, [ref, margin, active]);
  // An out-of-date drawing is redrawn in an idle period once the frame that shows the click (the
  // charts on screen) has been painted: a redraw is synchronous, and an idle period can come before
  // that frame. Taken off the queue when superseded.
  useEffect(() => {
    if (!stale) return;
    let dequeue: (() => void) | undefined;
    const cancel = afterNextPaint(() => {
      dequeue = enqueue(() => flushSync(() => setReleased(latest)), ref.current ?? undefined);
    });
    return () => {
      cancel();
      dequeue?.();
    };
  }, [stale, latest, ref]);
  const refresh = () => {
    if (stale) flushSync(() => setReleased(latest));
  };
  return { shown: stale ? shown : latest, stale, refresh };
}

/**
 * The element's content width in pixels, rounded, from a ResizeObserver (read after layout, so it never
 * forces one), and again synchronously before printing (the print layout is narrower). Undefined until
 * the first observation, and without ResizeObserver.
 */
export function useElementWidth(
  ref: RefObject<Element | null>,
  /** Whether the element is rendered (observed again when it comes back). */
  present = true,
): number | undefined {
  const [width, setWidth] = useState<number | undefined>(undefined);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const box = entries.at(-1)?.contentRect;
      if (box && box.width > 0) setWidth(Math.round(box.width));
    });
    observer.observe(element);
    const stopPrint = onPrint(() => {
      const box = element.getBoundingClientRect();
      if (box.width > 0) flushSync(() => setWidth(Math.round(box.width)));
    });
    return () => {
      observer.disconnect();
      stopPrint();
    };
  }, [ref, present]);
  return width;
}
