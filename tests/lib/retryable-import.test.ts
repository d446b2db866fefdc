import { describe, expect, it } from 'vitest';
import { failedModuleUrl, retryableImport } from '../../src/lib/retryable-import.ts';

describe('retryableImport', () => {
  it('reads the URL that a failed dynamic import names (Chromium and Firefox wording)', () => {
    expect(
      failedModuleUrl(
        new TypeError(
          'Failed to fetch dynamically imported module: http://localhost/assets/share-dialog-modal-x.js',
        ),
      ),
    ).toBe('http://localhost/assets/share-dialog-modal-x.js');
    expect(
      failedModuleUrl(new TypeError('error loading dynamically imported module: http://h/a.js')),
    ).toBe('http://h/a.js');
    expect(failedModuleUrl(new TypeError('Importing a module script failed.'))).toBeNull();
  });

  it('asks the same import again when the error names no URL', async () => {
    let calls = 0;
    const load = retryableImport(() => {
      calls += 1;
      if (calls === 1) return Promise.reject(new TypeError('Importing a module script failed.'));
      return Promise.resolve({ value: 1 });
    });
    await expect(load()).rejects.toThrow('Importing a module script failed.');
    await expect(load()).resolves.toEqual({ value: 1 });
    expect(calls).toBe(2);
  });
});
