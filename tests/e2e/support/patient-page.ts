import { expect, type Page } from '@playwright/test';
import { MOCK_URL } from './servers.ts';

/** Opens the patient view of the mock build and waits for its plain-language heading. */
export async function openPatientView(page: Page, search = '?view=patient'): Promise<void> {
  await page.goto(`${MOCK_URL}/${search}`);
  await expect(
    page.getByRole('heading', { name: 'Trials for patients: in plain words' }),
  ).toBeVisible({ timeout: 30_000 });
}
