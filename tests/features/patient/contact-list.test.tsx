import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ContactList } from '../../../src/features/patient/contact-list.tsx';

describe('ContactList e-mail links', () => {
  it('builds mailto: from the address alone, dropping parameters a record smuggles in', () => {
    render(
      <ContactList
        contacts={[
          { name: 'Synthetic coordinator', email: 'trial@example.org?cc=evil@example.com&body=Hi' },
          { name: 'Synthetic site', email: ' site&team@example.org ' },
        ]}
      />,
    );
    expect(screen.getByRole('link', { name: 'trial@example.org' })).toHaveAttribute(
      'href',
      'mailto:trial@example.org',
    );
    expect(screen.getByRole('link', { name: 'site&team@example.org' })).toHaveAttribute(
      'href',
      'mailto:site%26team@example.org',
    );
  });

  it('does not link text that is not an address', () => {
    render(<ContactList contacts={[{ name: 'Synthetic', email: 'call the office' }]} />);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText(/call the office/)).toBeVisible();
  });
});
