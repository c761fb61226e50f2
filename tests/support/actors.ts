import type { Actor } from '../../src/core/auth/actor';

/**
 * The school's people as the core sees them act, one of each role, the same in every test and
 * benchmark. The deputy, secretary and director carry the names the tiny school's staff list gives
 * them (tests/checks/tiny-school.ts), so what a close records reads as that school's own people.
 */
export const deputy: Actor = { userId: 'staff:deputy', name: 'Токтогулова Чолпон', role: 'deputy' };
export const secretary: Actor = { userId: 'staff:secretary', name: 'Садыкова Мээрим', role: 'secretary' };
export const director: Actor = { userId: 'staff:director', name: 'Кадыров Эрлан', role: 'director' };
export const admin: Actor = { userId: 'staff:admin', name: 'Токтогулов Нурлан', role: 'admin' };
