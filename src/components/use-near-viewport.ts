import {
  startTransition,
  useEffect,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react';
import { flushSync } from 'react-dom';

/**
 * Elements that came near the viewport and wait for their turn to be drawn: one per idle period of the
 * main thread. A chart's first draw measures itself and re-renders a few times in one uninterruptible
 * task; drawing the charts one after another keeps each such task short instead of one long freeze.
 * The next chart's turn comes only once the previous draw has been committed (`done`): a transition is
 * rendered in slices, and idle periods between those slices would otherwise start the next draws, which
 * React then commits together with the first one, in one long task.
 */
type Draw = (done: () => void) => void;
const waiting: Draw[] = [];
let draining = false;

function whenIdle(callback: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout: 1000 });
  else setTimeout(callback, 16);
}

function drawNext(): void {
  const next = waiting.shift();
  if (next === undefined) {
    draining = false;
    return;
  }
  let called = false;
  next(() => {
    if (called) return;
    called = true;
    whenIdle(drawNext);
  });
}

function enqueue(draw: Draw): () => void {
  waiting.push(draw);
  if (!draining) {
    draining = true;
    whenIdle(drawNext);
  }
  return () => {
    const at = waiting.indexOf(draw);
    if (at !== -1) waiting.splice(at, 1);
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
 * True once the element has come within `margin` of the viewport (and its turn to be drawn came), and
 * from then on. Charts below the fold are drawn only when the reader gets near them, so the first view
 * does not pay for a dozen SVG charts at once (the main-thread cost that blocks a phone for seconds).
 * Drawing is a transition, so React renders in small slices where it can. Without IntersectionObserver
 * (old browsers, jsdom), and when the page is printed, everything is drawn at once.
 */
export function useNearViewport(
  ref: RefObject<Element | null>,
  margin = '200px',
  /**
   * What must be there before the element is drawn (the lazily loaded code that draws it): awaited when
   * its turn comes, so that it is drawn in its own turn and not together with every other element
   * waiting for the same code.
   */
  ready?: () => Promise<unknown>,
): boolean {
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined' || printing());
  /** Hands the turn to the next waiting element once this one's draw is committed (or it unmounts). */
  const drawn = useRef<(() => void) | undefined>(undefined);
  useEffect(() => {
    if (near) drawn.current?.();
  }, [near]);
  useEffect(() => () => drawn.current?.(), []);
  useEffect(() => {
    const element = ref.current;
    if (near || !element || typeof IntersectionObserver === 'undefined') return;
    let dequeue: (() => void) | undefined;
    // Printing draws every chart at once, synchronously, before the browser lays out the pages.
    const stopPrint = onPrint(() => {
      observer.disconnect();
      dequeue?.();
      flushSync(() => setNear(true));
    });
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect();
          dequeue = enqueue((done) => {
            drawn.current = done;
            const draw = () => startTransition(() => setNear(true));
            // A failed load draws too: the drawing then reports the failure.
            if (ready) ready().then(draw, draw);
            else draw();
          });
        }
      },
      { rootMargin: `${margin} 0px` },
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
      stopPrint();
      dequeue?.();
    };
  }, [ref, margin, near, ready]);
  return near;
}

/**
 * What a drawn chart shows: `latest` while the element is within `margin` of the viewport; while it is
 * farther away, the drawing it last showed, so that a filter click repaints only the charts near the
 * screen in its task. A held drawing is brought up to date when the element comes within `margin`, in
 * an idle period (one chart per idle period, as first draws), on `refresh()` (e.g. when focus moves
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
  // An out-of-date drawing is redrawn in an idle period. The queue moves on once that redraw is
  // committed (this effect's cleanup when `stale` turns false) or when it is superseded.
  useEffect(() => {
    if (!stale) return;
    let done: (() => void) | undefined;
    const dequeue = enqueue((finished) => {
      done = finished;
      startTransition(() => setReleased(latest));
    });
    return () => {
      dequeue();
      done?.();
    };
  }, [stale, latest]);
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
