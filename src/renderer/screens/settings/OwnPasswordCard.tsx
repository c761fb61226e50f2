import { SecretChangeCard } from './SecretChangeCard';

/** Everyone changes their own password, given the current one. */
export function OwnPasswordCard() {
  return (
    <SecretChangeCard
      command="auth.changePassword"
      minLength={8}
      words={{
        title: 'settings.changePassword',
        current: 'settings.currentPassword',
        next: 'settings.newPassword',
        changed: 'settings.passwordChanged',
      }}
    />
  );
}
