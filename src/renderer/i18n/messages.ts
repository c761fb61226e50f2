import { en } from './en';
import { ky } from './ky';
import { ru } from './ru';

/** Every text of the interface, by language. */
export const resources = { ky, ru, en } as const;
