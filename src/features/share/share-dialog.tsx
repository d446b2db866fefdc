import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { ErrorBoundary } from '../../components/error-boundary.tsx';
import { retryableImport } from '../../lib/retryable-import.ts';

const importModal = retryableImport(() => import('./share-dialog-modal.tsx'));
const loadModal = () => importModal().then((module) => ({ default: module.ShareDialogModal }));
/** React.lazy keeps a failed load, so "Try again" replaces it with a fresh one (a fresh import too). */
let ShareDialogModal = lazy(loadModal);

export type ShareDialogProps = {
  /** Absolute URL of the current view in the full app. */
  viewUrl: string;
  /** When the data was current (ISO date or date-time), shown in the dialog. */
  dataDate?: string;
  /** Text of the button that opens the dialog (default "Share or embed"). */
  triggerLabel?: string;
  /** Controlled opening (optional): the dialog manages it itself otherwise. */
  isOpen?: boolean;
  onOpenChange?: (isOpen: boolean) => void;
  /** Called when the dialog closes. */
  onClose?: () => void;
};

/**
 * "Share or embed": a button opening the share dialog (share-dialog-modal.tsx). The dialog and the
 * dialog library are loaded when it first opens, so a page that is never shared does not load them.
 * Closing it puts the focus back on the button. If the dialog's code cannot be loaded (network, or a
 * new deployment replaced the file), a short message offers to try again; the rest of the toolbar stays.
 */
export function ShareDialog({
  viewUrl,
  dataDate,
  triggerLabel = 'Share or embed',
  isOpen,
  onOpenChange,
  onClose,
}: ShareDialogProps) {
  const [ownOpen, setOwnOpen] = useState(false);
  const open = isOpen ?? ownOpen;
  const [loaded, setLoaded] = useState(open);
  const button = useRef<HTMLButtonElement>(null);
  const [attempt, setAttempt] = useState(0);
  if (open && !loaded) setLoaded(true);

  // Once the dialog has closed (and unmounted), the focus goes back to the button that opened it.
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const change = (next: boolean) => {
    setOwnOpen(next);
    onOpenChange?.(next);
    if (!next) onClose?.();
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        className="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => change(true)}
      >
        {triggerLabel}
      </button>
      {loaded ? (
        <ErrorBoundary
          key={attempt}
          fallback={() => (
            <span role="alert" className="share-dialog-error">
              The share dialog could not be loaded.{' '}
              <button
                type="button"
                className="button button-quiet"
                onClick={() => {
                  ShareDialogModal = lazy(loadModal);
                  setAttempt((n) => n + 1);
                  change(true);
                }}
              >
                Try again
              </button>
            </span>
          )}
        >
          <Suspense fallback={open ? <span role="status">Opening…</span> : null}>
            <ShareDialogModal
              viewUrl={viewUrl}
              dataDate={dataDate}
              isOpen={open}
              onOpenChange={change}
            />
          </Suspense>
        </ErrorBoundary>
      ) : null}
    </>
  );
}
