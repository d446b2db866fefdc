import { useCallback, useEffect, useRef, useState } from 'react';

export type CopyStatus = 'idle' | 'copied' | 'selected';

/**
 * Copies text with the Clipboard API. When that is missing or refused, the text of `fallback` (an input
 * or textarea showing the same text) is selected instead so the reader can copy it with the keyboard.
 * The status goes back to idle after `resetMs`.
 */
export function useCopy(resetMs = 4000): {
  status: CopyStatus;
  copy: (text: string, fallback?: HTMLInputElement | HTMLTextAreaElement | null) => Promise<void>;
} {
  const [status, setStatus] = useState<CopyStatus>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = useCallback(
    async (text: string, fallback?: HTMLInputElement | HTMLTextAreaElement | null) => {
      clearTimeout(timer.current);
      let next: CopyStatus = 'selected';
      try {
        // The Clipboard API is missing on insecure origins and in some embedded browsers.
        const clipboard = (navigator as Partial<Navigator>).clipboard;
        if (!clipboard) throw new Error('No clipboard');
        await clipboard.writeText(text);
        next = 'copied';
      } catch {
        fallback?.focus();
        fallback?.select();
      }
      setStatus(next);
      timer.current = setTimeout(() => setStatus('idle'), resetMs);
    },
    [resetMs],
  );

  return { status, copy };
}

/** The sentence shown (and announced) after a copy attempt. */
export function copyStatusText(status: CopyStatus): string {
  if (status === 'copied') return 'Copied';
  if (status === 'selected')
    return 'Could not copy automatically: the text is selected, press Ctrl+C (⌘C on a Mac) to copy it.';
  return '';
}
