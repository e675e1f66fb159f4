/** Fills a new store with a demo data set: staff, a few hundred customers, thousands of complaints. */
import { randomBytes } from 'node:crypto';
import { insertCustomer } from '../domain/customers.ts';
import { insertSubmissions, PRIORITIES, type Status } from '../domain/submissions.ts';
import { createStaff } from '../security/staff.ts';
import type { Db } from '../store/open.ts';
import { stmt } from '../store/statements.ts';
import { newId } from '../../../common/ids.ts';
import { between, makeComplaint, makeCustomer, pick, seeded } from './vietnamese.ts';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: string;
  password: string;
}

const DAY = 86_400_000;
const DEMO_CHUNK = 2000;
const STATUS_MIX: readonly Status[] = ['new', 'new', 'open', 'open', 'open', 'waiting', 'closed', 'closed', 'closed', 'closed'];

export async function fillDemo(
  db: Db,
  opts: { complaints: number; customers: number; seed?: number; now?: number; onProgress?: (complaints: number) => void },
): Promise<DemoAccount[]> {
  const rng = seeded(opts.seed ?? 2026);
  const now = opts.now ?? Date.now();
  const accounts: DemoAccount[] = [
    { username: 'giamdoc', displayName: 'Trần Minh Đức', role: 'director', password: randomBytes(9).toString('base64url') },
    { username: 'dieuhanh', displayName: 'Nguyễn Thị Lan', role: 'operator', password: randomBytes(9).toString('base64url') },
    { username: 'quantri', displayName: 'Phạm Quốc Bảo', role: 'it_admin', password: randomBytes(9).toString('base64url') },
  ];
  const people = [];
  for (const a of accounts) {
    people.push(
      await createStaff(db, { ...a, role: a.role as 'director' | 'operator' | 'it_admin', grants: ['complaint', 'comment'] }, now),
    );
  }
  const operator = people[1]!;
  const customers = db.transaction(() =>
    Array.from({ length: opts.customers }, (_, i) =>
      insertCustomer(db, { ...makeCustomer(rng, i + 1), createdAt: now - between(rng, 200, 900) * DAY }),
    ),
  )();
  // A commit and a search-index write per chunk: a million-row demo (the benchmark's) neither holds one
  // transaction's journal for the whole fill nor indexes row by row.
  for (let done = 0; done < opts.complaints; done += DEMO_CHUNK) {
    const chunk = Array.from({ length: Math.min(DEMO_CHUNK, opts.complaints - done) }, () => {
      const createdAt = now - Math.floor(rng() * 180 * DAY);
      const status = pick(rng, STATUS_MIX);
      const { subject, body } = makeComplaint(rng);
      const customerId = pick(rng, customers);
      const priority = pick(rng, PRIORITIES);
      const worked = status !== 'new' && rng() < 0.5;
      const dueAt = status === 'closed' ? null : createdAt + 3 * DAY;
      return { kind: 'complaint' as const, customerId, subject, body, status, priority, createdAt, dueAt, worked };
    });
    db.transaction(() => {
      const ids = insertSubmissions(
        db,
        chunk.map(({ worked, ...s }) => ({ ...s, assigneeId: worked ? operator.id : null })),
      );
      chunk.forEach((s, i) => {
        if (!s.worked) return;
        stmt(db, `INSERT INTO submission_events (id, submission_id, type, actor_id, body, created_at) VALUES (?, ?, 'note', ?, ?, ?)`).run(
          newId(),
          ids[i],
          operator.id,
          'Đã gọi điện xác nhận với khách, đang chờ kho kiểm tra.',
          s.createdAt + DAY,
        );
      });
    })();
    opts.onProgress?.(done + chunk.length);
  }
  return accounts;
}
