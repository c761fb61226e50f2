import { SecretChangeCard } from './SecretChangeCard';

/** A new backup passphrase, given the current one; the core keeps only a verifier of it. */
export function PassphraseCard() {
  return (
    <SecretChangeCard
      command="settings.changeBackupPassphrase"
      minLength={12}
      words={{
        title: 'settingsMore.changePassphrase',
        hint: 'settingsMore.passphraseHint',
        current: 'settingsMore.currentPassphrase',
        next: 'settingsMore.newPassphrase',
        changed: 'settingsMore.passphraseChanged',
      }}
    />
  );
}
