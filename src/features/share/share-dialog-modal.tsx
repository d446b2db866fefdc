import { useId, useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import {
  DEFAULT_EMBED_PANELS,
  EMBED_PANELS,
  EMBED_PANEL_LABELS,
  EMBED_THEMES,
  buildEmbedScriptValue,
  buildEmbedUrl,
  embedScriptUrl,
  originProblem,
  parseAccent,
  type EmbedOptions,
  type EmbedTheme,
  type Panel,
} from '../../domain/embed-params.ts';
import { formatDate } from '../../lib/format.ts';
import { CopyField } from './copy-field.tsx';
import './share.css';

export type ShareDialogModalProps = {
  /** Absolute URL of the current view in the full app. */
  viewUrl: string;
  /** When the data was current (ISO date or date-time), shown in the dialog. */
  dataDate?: string | undefined;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
};

const THEME_LABELS: Record<EmbedTheme, string> = {
  auto: 'Follow the reader’s system',
  light: 'Light',
  dark: 'Dark',
};
const DEFAULT_TITLE = 'HSCT trials dashboard';
const DEFAULT_HEIGHT = 600;

/** Escapes text for an HTML attribute value in double quotes. */
function attr(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function isAbsoluteUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * The "Share or embed" dialog: the link to the view, iframe and script snippets for embedding it (with
 * panels, lock, theme, accent, height and the host site's origin as choices) and a live preview of the
 * embedded view. Opened by ShareDialog (share-dialog.tsx), which loads this module on first use.
 */
export function ShareDialogModal({
  viewUrl,
  dataDate,
  isOpen,
  onOpenChange,
}: ShareDialogModalProps) {
  return (
    <ModalOverlay
      isDismissable
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      className="share-modal-overlay"
    >
      <Modal className="share-modal share-dialog-modal">
        <Dialog className="share-dialog">
          {({ close }) => (
            <>
              {/* Title and Close stay at the top while the dialog scrolls (it is long on phones). */}
              <div className="share-dialog-head">
                <Heading slot="title">Share or embed this view</Heading>
                <Button className="button" onPress={close}>
                  Close
                </Button>
              </div>
              {isAbsoluteUrl(viewUrl) ? (
                <ShareDialogBody viewUrl={viewUrl} dataDate={dataDate} />
              ) : (
                <p role="alert">This view has no shareable address.</p>
              )}
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function ShareDialogBody({
  viewUrl,
  dataDate,
}: {
  viewUrl: string;
  dataDate?: string | undefined;
}) {
  const ids = {
    accent: useId(),
    accentHelp: useId(),
    height: useId(),
    origin: useId(),
    originHelp: useId(),
    title: useId(),
  };
  const [panels, setPanels] = useState<readonly Panel[]>(DEFAULT_EMBED_PANELS);
  const [lock, setLock] = useState(false);
  const [theme, setTheme] = useState<EmbedTheme>('auto');
  const [accentText, setAccentText] = useState('');
  const [heightText, setHeightText] = useState(String(DEFAULT_HEIGHT));
  const [originText, setOriginText] = useState('');
  const [title, setTitle] = useState(DEFAULT_TITLE);

  const accent = accentText.trim() === '' ? null : parseAccent(accentText);
  const accentInvalid = accentText.trim() !== '' && accent === null;
  const origin = originText.trim();
  const originError = origin === '' ? null : originProblem(origin);
  const heightNumber = Number(heightText);
  const heightValid = Number.isInteger(heightNumber) && heightNumber >= 100 && heightNumber <= 5000;
  const height = heightValid ? heightNumber : DEFAULT_HEIGHT;
  const frameTitle = title.trim() === '' ? DEFAULT_TITLE : title.trim();

  const options: EmbedOptions = {
    panels,
    lock,
    theme,
    accent,
    origins: origin !== '' && originError === null ? [origin] : [],
  };
  const embedUrl = buildEmbedUrl(viewUrl, options);
  const iframeSnippet =
    `<iframe src="${attr(embedUrl)}" title="${attr(frameTitle)}" width="100%" height="${height}" ` +
    `style="border:0" loading="lazy" referrerpolicy="strict-origin-when-cross-origin" allow=""></iframe>`;
  const scriptSnippet =
    `<div data-hsct-trials="${attr(buildEmbedScriptValue(viewUrl, options))}" data-title="${attr(frameTitle)}" data-height="${height}"></div>\n` +
    `<script src="${attr(embedScriptUrl(viewUrl))}" async></script>`;

  const togglePanel = (panel: Panel, on: boolean) =>
    setPanels((current) => EMBED_PANELS.filter((p) => (p === panel ? on : current.includes(p))));

  return (
    <div className="share-dialog-body">
      {dataDate ? <p>Data from ClinicalTrials.gov as of {formatDate(dataDate)}.</p> : null}
      <CopyField label="Link to this view" value={viewUrl} copyLabel="Copy link" />

      <h3>Embed this view on another site</h3>
      <fieldset>
        <legend>Panels</legend>
        {EMBED_PANELS.map((panel) => (
          <label key={panel} className="share-checkbox">
            <input
              type="checkbox"
              checked={panels.includes(panel)}
              disabled={panels.length === 1 && panels.includes(panel)}
              onChange={(event) => togglePanel(panel, event.currentTarget.checked)}
            />
            {EMBED_PANEL_LABELS[panel]}
          </label>
        ))}
      </fieldset>
      <label className="share-checkbox">
        <input
          type="checkbox"
          checked={lock}
          onChange={(event) => setLock(event.currentTarget.checked)}
        />
        Lock the filters (hide the filter controls)
      </label>
      <fieldset>
        <legend>Theme</legend>
        {EMBED_THEMES.map((value) => (
          <label key={value} className="share-radio">
            <input
              type="radio"
              name="embed-theme"
              value={value}
              checked={theme === value}
              onChange={() => setTheme(value)}
            />
            {THEME_LABELS[value]}
          </label>
        ))}
      </fieldset>
      <div className="share-field">
        <label htmlFor={ids.accent}>Accent colour (optional)</label>
        <input
          id={ids.accent}
          type="text"
          value={accentText}
          placeholder="#336699"
          aria-invalid={accentInvalid}
          aria-describedby={ids.accentHelp}
          onChange={(event) => setAccentText(event.currentTarget.value)}
        />
        <span
          id={ids.accentHelp}
          className={accentInvalid ? 'share-field-error' : 'share-field-help'}
        >
          {accentInvalid
            ? 'Not a hex colour: use #rgb or #rrggbb, e.g. #336699. It is left out of the code.'
            : 'A hex colour such as #336699.'}
        </span>
      </div>
      <div className="share-field">
        <label htmlFor={ids.height}>Height of the iframe in pixels</label>
        <input
          id={ids.height}
          type="number"
          min={100}
          max={5000}
          step={10}
          value={heightText}
          aria-invalid={!heightValid}
          onChange={(event) => setHeightText(event.currentTarget.value)}
        />
        {heightValid ? null : (
          <span className="share-field-error">
            Use a whole number from 100 to 5000; {DEFAULT_HEIGHT} is used.
          </span>
        )}
      </div>
      <div className="share-field">
        <label htmlFor={ids.title}>Title of the embedded view (read by screen readers)</label>
        <input
          id={ids.title}
          type="text"
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
        />
      </div>
      <div className="share-field">
        <label htmlFor={ids.origin}>
          Your site’s origin (optional, lets your page change the filters)
        </label>
        <input
          id={ids.origin}
          type="text"
          value={originText}
          placeholder="https://example.org"
          aria-invalid={originError !== null}
          aria-describedby={ids.originHelp}
          onChange={(event) => setOriginText(event.currentTarget.value)}
        />
        <span
          id={ids.originHelp}
          className={originError ? 'share-field-error' : 'share-field-help'}
        >
          {originError ?? 'The script embed adds your page’s origin by itself.'}
        </span>
      </div>

      <CopyField
        label="Embed with an iframe"
        value={iframeSnippet}
        copyLabel="Copy iframe code"
        multiline
        rows={4}
      />
      <CopyField
        label="Embed with a script (height follows the content)"
        value={scriptSnippet}
        copyLabel="Copy script code"
        multiline
        rows={3}
      />

      <h3>Preview</h3>
      <iframe
        className="share-preview"
        src={embedUrl}
        title={`Preview: ${frameTitle}`}
        width="100%"
        height={height}
        loading="lazy"
        referrerPolicy="strict-origin-when-cross-origin"
      />
    </div>
  );
}
