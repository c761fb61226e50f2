import { describe, expect, it } from 'vitest';
import { schoolYearStarting } from '../../src/shared/school-year';
import { emptySetup, validateSetup, withYearLabel } from '../../src/renderer/screens/setup/setup-form';

const october2025 = new Date(2025, 9, 15);

describe('the first-run form', () => {
  it('moves the proposed dates to the year typed, while none of them was corrected', () => {
    const form = withYearLabel(emptySetup(october2025), '2026-2027');
    const next = schoolYearStarting(2026);
    expect(form.year).toEqual({ label: '2026-2027', startsOn: next.startsOn, endsOn: next.endsOn });
    expect(form.quarters).toEqual(next.quarters);
  });

  it('keeps dates the person corrected, and waits while the year is half typed', () => {
    const start = emptySetup(october2025);
    const corrected = {
      ...start,
      quarters: start.quarters.map((q, i) => (i === 0 ? { ...q, endsOn: '2025-10-30' } : q)),
    };
    const kept = withYearLabel(corrected, '2026-2027');
    expect(kept.year.label).toBe('2026-2027');
    expect(kept.quarters).toEqual(corrected.quarters);
    expect(kept.year.startsOn).toBe(start.year.startsOn);
    const halfTyped = withYearLabel(start, '2026-20');
    expect(halfTyped.quarters).toEqual(start.quarters);
    // Finishing the label moves the untouched dates after all.
    expect(withYearLabel(halfTyped, '2026-2027').quarters).toEqual(schoolYearStarting(2026).quarters);
  });

  it('names a repeated passphrase that differs at its own field', () => {
    const form = { ...emptySetup(october2025), backupPassphrase: 'a long school passphrase' };
    expect(validateSetup({ ...form, repeatPassphrase: '' }).repeatPassphrase).toBe('');
    expect(validateSetup({ ...form, repeatPassphrase: 'a long school passphrasE' }).repeatPassphrase).toBe(
      'setup.passphrasesDiffer',
    );
    expect(validateSetup({ ...form, repeatPassphrase: form.backupPassphrase })).not.toHaveProperty(
      'repeatPassphrase',
    );
  });
});
