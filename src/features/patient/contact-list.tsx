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

/** A mailto: URI for an address that looks like one; null otherwise. */
export function mailtoHref(email: string): string | null {
  const trimmed = email.trim();
  return /^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+$/.test(trimmed) ? `mailto:${trimmed}` : null;
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
    <ul className="contact-list">
      {shown.map((contact, index) => {
        const tel = contact.phone ? telHref(contact.phone, contact.phoneExt) : null;
        const mail = contact.email ? mailtoHref(contact.email) : null;
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
                {mail ? <a href={mail}>{contact.email.trim()}</a> : contact.email}
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
