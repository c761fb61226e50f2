import { en } from './en';
import { ky } from './ky';
import { ru } from './ru';

/** Every text of the interface, by language; the native menu reads it too. */
export const resources = { ky, ru, en } as const;
