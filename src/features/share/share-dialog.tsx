import { lazy, Suspense, useEffect, useRef, useState } from 'react';

const ShareDialogModal = lazy(() =>
  import('./share-dialog-modal.tsx').then((module) => ({ default: module.ShareDialogModal })),
);

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
 * Closing it puts the focus back on the button.
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
        <Suspense fallback={open ? <span role="status">Opening…</span> : null}>
          <ShareDialogModal
            viewUrl={viewUrl}
            dataDate={dataDate}
            isOpen={open}
            onOpenChange={change}
          />
        </Suspense>
      ) : null}
    </>
  );
}
