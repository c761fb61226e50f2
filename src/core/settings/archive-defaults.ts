import type { ArchiveDefaults, ArchiveKind } from '../../shared/archive-defaults';
import { appendAudit } from '../audit/audit-log';
import type { Actor } from '../auth/actor';
import { assertAllowed } from '../auth/permissions';
import type { Mirror } from '../db/mirror';
import { registerWords } from '../documents/words';
import { getSetting, putSetting } from './app-settings';
import { schoolLanguage } from './school';

/** Where and until when a document of this kind is kept, entering the archive on `receivedOn`. */
export function archiveDefaultsFor(
  mirror: Mirror,
  kind: ArchiveKind,
  receivedOn: string,
): { storagePlace: string; retentionUntil: string } {
  const setting = getSetting(mirror, 'archiveDefaults')[kind];
  return {
    storagePlace: setting.storagePlace ?? registerWords(schoolLanguage(mirror)).schoolArchive,
    retentionUntil: retentionUntil(receivedOn, setting.retentionYears),
  };
}

/**
 * The last day of keeping: an archive counts the years from 1 January after the year the document
 * came in, so a copy received in 2026 and kept 5 years is kept to the end of 2031.
 */
export function retentionUntil(receivedOn: string, years: number): string {
  return `${Number(receivedOn.slice(0, 4)) + years}-12-31`;
}

/**
 * The school's nomenclature of affairs, audited with what it was: archive lines entered from then on
 * take it; lines already in the register keep their periods and places.
 */
export function saveArchiveDefaults(mirror: Mirror, defaults: ArchiveDefaults, actor: Actor, at: Date): void {
  assertAllowed(actor, 'settings.manage');
  mirror.transaction(() => {
    const before = getSetting(mirror, 'archiveDefaults');
    putSetting(mirror, 'archiveDefaults', defaults, at);
    appendAudit(
      mirror,
      { actor, action: 'settings.archiveDefaults', entity: 'app_setting', before, after: defaults },
      at,
    );
  });
}
