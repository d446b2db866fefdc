import { startTransition, useEffect, useState } from 'react';
import { firstScreenWasShown, whenFirstScreenShown } from '../lib/first-screen.ts';

/**
 * False until the first screen with data has been shown (src/lib/first-screen.ts), then true; true from
 * the start once it has been. What a component renders only then neither delays that screen's paint
 * nor loads its code before it. The update is a transition: React renders it in interruptible slices.
 */
export function useFirstScreenShown(): boolean {
  const [shown, setShown] = useState(firstScreenWasShown);
  useEffect(() => {
    if (shown) return undefined;
    let live = true;
    void whenFirstScreenShown().then(() => {
      if (live) startTransition(() => setShown(true));
    });
    return () => {
      live = false;
    };
  }, [shown]);
  return shown;
}
