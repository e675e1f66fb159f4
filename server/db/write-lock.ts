import type { Queryable } from './connect.ts';

/**
 * Every write that feeds the change log takes this one transaction-scoped lock first, so seq values are
 * handed out in commit order and a desk pulling "seq > cursor" never misses a row that committed late.
 */
export const takeWriteLock = (tx: Queryable) => tx.query('SELECT pg_advisory_xact_lock(7002)');
