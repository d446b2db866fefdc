import type { TrialContact } from '../../domain/trial.ts';

/** A tel: URI for a phone number as written in a record ("+1 (312) 555-0100" -> "tel:+13125550100"). */
export function telHref(phone: string, ext?: string): string | null {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/[^\d]/g, '');
  if (digits.length < 3) return null;
  const number = `${trimmed.startsWith('+') ? '+' : ''}${digits}`;
  const extension = ext?.replace(/[^\d]/g, '');
  return `tel:${number}${extension ? `;ext=${extension}` : ''}`;
}

/**
 * The e-mail address of a record's text, without anything after a "?" (a record could add `?cc=…&body=…`
 * to turn the link into another message); null when it does not look like an address.
 */
export function emailAddress(email: string): string | null {
  const address = (email.split('?', 1)[0] ?? '').trim();
  return /^[^\s@<>()?#/\\]+@[^\s@<>()?#/\\&=%]+\.[^\s@<>()?#/\\&=%]+$/.test(address)
    ? address
    : null;
}

/** A mailto: URI built from the address alone (its local part percent-encoded); null when there is none. */
export function mailtoHref(email: string): string | null {
  const address = emailAddress(email);
  if (address === null) return null;
  const at = address.lastIndexOf('@');
  return `mailto:${encodeURIComponent(address.slice(0, at))}@${address.slice(at + 1)}`;
}

function hasReachableDetail(contact: TrialContact): boolean {
  return Boolean(contact.name?.trim() || contact.phone?.trim() || contact.email?.trim());
}

export type ContactListProps = {
  contacts: readonly TrialContact[] | undefined;
  /** Shown before each name, e.g. "Site contact". */
  roleFallback?: string;
};

/** People to contact, with phone numbers as tel: links and e-mail addresses as mailto: links. */
export function ContactList({ contacts, roleFallback }: ContactListProps) {
  const shown = (contacts ?? []).filter(hasReachableDetail);
  if (shown.length === 0) return null;
  return (
    <ul className="patient-contact-list">
      {shown.map((contact, index) => {
        const tel = contact.phone ? telHref(contact.phone, contact.phoneExt) : null;
        const address = contact.email ? emailAddress(contact.email) : null;
        const mail = address === null ? null : mailtoHref(address);
        return (
          <li key={`${contact.name ?? ''}-${contact.phone ?? ''}-${contact.email ?? ''}-${index}`}>
            <span className="contact-name">
              {contact.name?.trim() || roleFallback || 'Contact'}
            </span>
            {contact.phone ? (
              <>
                {' · '}
                {tel ? (
                  <a href={tel}>
                    {contact.phone.trim()}
                    {contact.phoneExt ? ` ext. ${contact.phoneExt}` : ''}
                  </a>
                ) : (
                  contact.phone
                )}
              </>
            ) : null}
            {contact.email ? (
              <>
                {' · '}
                {mail ? <a href={mail}>{address}</a> : contact.email}
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
