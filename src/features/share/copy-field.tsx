import { useId, useRef } from 'react';
import { copyStatusText, useCopy } from './use-copy.ts';
import './share.css';

export type CopyFieldProps = {
  label: string;
  value: string;
  /** Text of the copy button, e.g. "Copy link". */
  copyLabel: string;
  /** Show the value in a multi-line box (code snippets). */
  multiline?: boolean;
  rows?: number;
};

/** A read-only text (or code) field with a copy button and a visible "Copied" confirmation. */
export function CopyField({
  label,
  value,
  copyLabel,
  multiline = false,
  rows = 4,
}: CopyFieldProps) {
  const id = useId();
  const fieldRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const { status, copy } = useCopy();
  return (
    <div className="share-copy-field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          id={id}
          ref={fieldRef}
          className="share-copy-field-value"
          readOnly
          rows={rows}
          value={value}
          spellCheck={false}
        />
      ) : (
        <input
          id={id}
          ref={fieldRef}
          className="share-copy-field-value"
          readOnly
          type="text"
          value={value}
        />
      )}
      <button type="button" className="button" onClick={() => void copy(value, fieldRef.current)}>
        {copyLabel}
      </button>
      <span role="status" className="share-copy-field-status">
        {copyStatusText(status)}
      </span>
    </div>
  );
}
