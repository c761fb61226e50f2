import { useTranslation } from 'react-i18next';
import {
  auditActions,
  auditEntities,
  type AuditAction,
  type AuditEntity,
} from '../../../shared/audit-actions';
import type { AuditEntryView } from '../../../shared/views';
import { currentLanguage } from '../../i18n';
import { auditNames } from '../../i18n/audit/names';

const isAction = (action: string): action is AuditAction =>
  (auditActions as readonly string[]).includes(action);
const isEntity = (entity: string): entity is AuditEntity =>
  (auditEntities as readonly string[]).includes(entity);

/** The audit log's ids worded in the reader's language, and found again from those words. */
export function useAuditWords() {
  // useTranslation re-renders the screen when the language changes.
  const { t } = useTranslation();
  const names = auditNames[currentLanguage()];
  const actionName = (action: string) =>
    isAction(action) ? names.actions[action] : `${t('auditLog.unknownAction')} (${action})`;
  const entityName = (entity: string) => (isEntity(entity) ? names.entities[entity] : entity);
  const actorName = ({ kind, name, role, place }: AuditEntryView['actor']) => {
    const from = place === null ? '' : ` ${t('network.fromPlace', { place })}`;
    if (kind === 'person') return t('auditLog.person', { name, role: t(`roles.${role}`) }) + from;
    if (kind === 'commandLine') return t('auditLog.commandLine', { name });
    return t(`auditLog.${kind}`) + from;
  };
  /** The actions and objects whose names contain what was typed, so the search works in words people read. */
  const matching = (search: string) => {
    const needle = search.trim().toLocaleLowerCase();
    if (needle === '') return { actions: [], entities: [] };
    const has = (words: string) => words.toLocaleLowerCase().includes(needle);
    return {
      actions: auditActions.filter((action) => has(names.actions[action])),
      entities: auditEntities.filter((entity) => has(names.entities[entity])),
    };
  };
  return { actionName, entityName, actorName, matching };
}
