/** Fills a new store with a demo data set: staff, a few hundred customers, thousands of complaints. */
import { randomBytes } from 'node:crypto';
import { insertCustomer } from '../domain/customers.ts';
import { insertSubmission, PRIORITIES, type Status } from '../domain/submissions.ts';
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
const STATUS_MIX: readonly Status[] = ['new', 'new', 'open', 'open', 'open', 'waiting', 'closed', 'closed', 'closed', 'closed'];

export async function fillDemo(
  db: Db,
  opts: { complaints: number; customers: number; seed?: number; now?: number },
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
  db.transaction(() => {
    const customers = Array.from({ length: opts.customers }, (_, i) =>
      insertCustomer(db, { ...makeCustomer(rng, i + 1), createdAt: now - between(rng, 200, 900) * DAY }),
    );
    for (let i = 0; i < opts.complaints; i++) {
      const createdAt = now - Math.floor(rng() * 180 * DAY);
      const status = pick(rng, STATUS_MIX);
      const { subject, body } = makeComplaint(rng);
      const id = insertSubmission(db, {
        kind: 'complaint',
        customerId: pick(rng, customers),
        subject,
        body,
        status,
        priority: pick(rng, PRIORITIES),
        createdAt,
        dueAt: status === 'closed' ? null : createdAt + 3 * DAY,
      });
      if (status !== 'new' && rng() < 0.5) {
        stmt(db, 'UPDATE submissions SET assignee_id = ? WHERE id = ?').run(operator.id, id);
        stmt(db, `INSERT INTO submission_events (id, submission_id, type, actor_id, body, created_at) VALUES (?, ?, 'note', ?, ?, ?)`).run(
          newId(),
          id,
          operator.id,
          'Đã gọi điện xác nhận với khách, đang chờ kho kiểm tra.',
          createdAt + DAY,
        );
      }
    }
  })();
  return accounts;
}
