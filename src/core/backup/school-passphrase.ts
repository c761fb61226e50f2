import { getSetting } from '../settings/app-settings';
import { verifySecret } from '../auth/password';
import type { Mirror } from '../db/mirror';
import { MoorError } from '../errors';

/**
 * Refuses a passphrase that is not the school's: the one set at setup and written down for the
 * director's safe, of which the mirror keeps only a verifier. A backup under any other passphrase
 * would be registered as verified and yet open for nobody who restores it. A mirror that never
 * went through setup (a command-line demo school) has no passphrase to hold it to.
 */
export async function assertSchoolPassphrase(
  mirror: Mirror,
  passphrase: string,
  field = 'passphrase',
): Promise<void> {
  const verifier = getSetting(mirror, 'backupPassphraseVerifier');
  if (verifier !== null && !(await verifySecret(passphrase, verifier))) {
    throw new MoorError('PASSPHRASE_MISMATCH', 'This is not the backup passphrase set for this school.', {
      field,
    });
  }
}
