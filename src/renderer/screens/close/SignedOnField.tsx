import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';

/** Today on this computer, YYYY-MM-DD: the day a signature is recorded, unless the deputy says otherwise. */
export function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The date the signer wrote beside the signature (regulation: signature with its date), which the
 * deputy may record later than it was written. Left empty, the day it is recorded counts.
 */
export function SignedOnField({ value, onChange }: { value: string; onChange: (iso: string) => void }) {
  const { t } = useTranslation();
  return <DateField label={t('close.signedOn')} value={value} required onChange={onChange} />;
}

/** The command's `signedOn`: only a date the deputy left in the field. */
export function signedOnInput(value: string): { signedOn?: string } {
  return value === '' ? {} : { signedOn: value };
}
