import type { Db } from './open.ts';
import { stmt } from './statements.ts';

export const getSetting = (db: Db, key: string): string | null =>
  (stmt(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;

export const setSetting = (db: Db, key: string, value: string): void => {
  stmt(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
};
