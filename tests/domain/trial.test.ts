// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { apiEnumLabel, siteStatusLabel, stdAgeLabel } from '../../src/domain/trial.ts';

describe('labels of API values', () => {
  it('names site statuses, age groups and other API values in words, also unknown ones', () => {
    expect(siteStatusLabel('NOT_YET_RECRUITING')).toBe('Not yet recruiting');
    expect(siteStatusLabel('PAUSED_FOR_REVIEW')).toBe('Paused for review');
    expect(stdAgeLabel('OLDER_ADULT')).toBe('Older adult (65+)');
    expect(stdAgeLabel('toString')).toBe('Tostring');
    expect(apiEnumLabel('ACTIVE_COMPARATOR')).toBe('Active comparator');
  });
});
