import type { Mirror } from '../db/mirror';
import { getSetting } from '../settings/app-settings';
import { accountTokenName, type SecretName } from '../secrets/secret-store';

/** A Kundoluk account a sync runs through, and where its token is kept. */
export interface SchoolKundolukAccount {
  /** Null: the connection's own account. */
  id: number | null;
  /** As the sync log and the coverage name it. */
  name: string;
  secret: SecretName;
  consentBy: string | null;
  consentAt: string | null;
}

/** The connection's own account is named by the address's host, as syncs have always named it. */
export function ownAccountName(mirror: Mirror): string | null {
  const url = getSetting(mirror, 'kundoluk').url;
  return url === null ? null : (URL.parse(url)?.host ?? null);
}

/**
 * The accounts a sync runs through, in order: the connection's own (when its token is kept),
 * then those the deputies added. `hasToken` asks the secret store without reading the token.
 */
export function schoolKundolukAccounts(
  mirror: Mirror,
  hasToken: (name: SecretName) => boolean,
): SchoolKundolukAccount[] {
  const own = ownAccountName(mirror);
  const first: SchoolKundolukAccount[] =
    own !== null && hasToken('kundoluk.token')
      ? [{ id: null, name: own, secret: 'kundoluk.token', consentBy: null, consentAt: null }]
      : [];
  return [
    ...first,
    ...getSetting(mirror, 'kundolukAccounts').map((a) => ({
      id: a.id,
      name: a.name,
      secret: accountTokenName(a.id),
      consentBy: a.consentBy,
      consentAt: a.consentAt,
    })),
  ];
}
