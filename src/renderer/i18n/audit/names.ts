import type { LanguageCode } from '../../../shared/views';
import { auditNamesEn } from './en';
import { auditNamesKy, type AuditNames } from './ky';
import { auditNamesRu } from './ru';

/** The audit log's action and object names by language. */
export const auditNames: Readonly<Record<LanguageCode, AuditNames>> = {
  ky: auditNamesKy,
  ru: auditNamesRu,
  en: auditNamesEn,
};
