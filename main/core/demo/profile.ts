/**
 * Fills a new store with a demo data set: staff, the warranty desk's product catalogue, canned replies and tags, a few hundred
 * customers, thousands of complaints and, in proportion to them, every other kind the website sends, worked on
 * the way real inboxes are.
 */
import { randomBytes } from 'node:crypto';
import type { Person } from '../../../common/roles.ts';
import { insertCustomer } from '../domain/customers.ts';
import { listProducts, saveProduct } from '../domain/products.ts';
import { saveCannedReply } from '../domain/canned-replies.ts';
import { saveTag } from '../domain/tags.ts';
import { DEMO_CANNED_REPLIES, DEMO_TAGS } from './replies.ts';
import { insertSubmissions, PRIORITIES, type Status } from '../domain/submissions.ts';
import { keyRingOf } from '../security/key-ring.ts';
import { openPersonalKey } from '../security/personal-key.ts';
import { createStaff, type NewStaff } from '../security/staff.ts';
import type { Db } from '../store/open.ts';
import { stmt } from '../store/statements.ts';
import { newId } from '../../../common/ids.ts';
import { SUBMISSION_KINDS, type SubmissionKind } from '../../../common/vocabulary/submissions.ts';
import { KIND_MIX, makeSubmission } from './submissions.ts';
import { between, makeCustomer, pick, seeded } from './vietnamese.ts';
import { DEMO_PRODUCTS } from './warranty.ts';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: string;
  password: string;
}

export type OtherKind = Exclude<SubmissionKind, 'complaint'>;
/** Complaints and nothing else: what the paint benchmark has always measured. */
export const COMPLAINTS_ONLY: Readonly<Record<OtherKind, number>> = { question: 0, trade_contact: 0, warranty: 0, feedback: 0 };

/** How many of each kind a demo of this many complaints holds: the others as given, else in proportion (KIND_MIX). */
export function demoCounts(complaints: number, others: Partial<Record<OtherKind, number>> = {}): Record<SubmissionKind, number> {
  const counts = { complaint: complaints } as Record<SubmissionKind, number>;
  for (const kind of SUBMISSION_KINDS) if (kind !== 'complaint') counts[kind] = others[kind] ?? Math.round(complaints * KIND_MIX[kind]);
  return counts;
}

/**
 * Directors see every inbox by their role, and grants are an operator's only. The two operators split the
 * inboxes, so signing in as each shows grants at work: customer care, and the sales desk.
 */
const STAFF: readonly Omit<NewStaff, 'password'>[] = [
  { username: 'giamdoc', displayName: 'Trần Minh Đức', role: 'director', grants: [] },
  { username: 'dieuhanh', displayName: 'Nguyễn Thị Lan', role: 'operator', grants: ['complaint', 'question', 'warranty', 'comment'] },
  { username: 'kinhdoanh', displayName: 'Lê Văn Hùng', role: 'operator', grants: ['trade_contact', 'feedback'] },
  { username: 'quantri', displayName: 'Phạm Quốc Bảo', role: 'it_admin', grants: [] },
];

const DAY = 86_400_000;
const DEMO_CHUNK = 2000;
const STATUS_MIX: readonly Status[] = ['new', 'new', 'open', 'open', 'open', 'waiting', 'closed', 'closed', 'closed', 'closed'];
/**
 * How far back a row of each status was sent, in days: what is still new or open came in lately (some of it
 * due soon, some already late on its service target), closed work goes back half a year.
 */
const AGE_DAYS: Readonly<Record<Status, number>> = { new: 4, open: 8, waiting: 15, closed: 180 };
/** What the operator wrote on a row they worked. */
const NOTES: Readonly<Record<SubmissionKind, readonly string[]>> = {
  complaint: [
    'Đã gọi điện xác nhận với khách, đang chờ kho kiểm tra.',
    'Đã xin lỗi khách và báo bộ phận giao hàng xử lý.',
    'Đã chuyển cho quản lý chi nhánh, hẹn trả lời khách trong ngày mai.',
  ],
  question: [
    'Đã gọi điện trả lời khách, chờ khách xác nhận.',
    'Đã hỏi lại bộ phận kỹ thuật, sẽ trả lời khách trong hôm nay.',
    'Đã gửi khách đường dẫn trang chính sách trên website.',
  ],
  trade_contact: [
    'Đã gửi bảng giá sỉ và chính sách chiết khấu qua email.',
    'Đã hẹn gặp khách tại văn phòng vào tuần sau.',
    'Đang chờ khách gửi giấy phép đăng ký kinh doanh để mở công nợ.',
  ],
  warranty: [
    'Đã tạo phiếu bảo hành, kỹ thuật viên sẽ liên hệ khách trong 48 giờ.',
    'Đã kiểm tra số serial và hóa đơn, máy còn trong thời hạn bảo hành.',
    'Đã chuyển trung tâm bảo hành của hãng, đang chờ linh kiện.',
  ],
  feedback: [
    'Đã gọi điện cảm ơn khách đã góp ý.',
    'Đã chuyển góp ý cho quản lý chi nhánh.',
    'Đã ghi nhận để đưa vào buổi họp chất lượng dịch vụ tháng này.',
  ],
};

/**
 * What the demo's director keeps for the organisation, entered as a director enters it (saveProduct,
 * saveCannedReply, saveTag): the warranty desk's catalogue, the canned replies and the tags, each signed with
 * their key and queued for the hub, so it reaches the hub, and the desks, once the demo desk enrolls. Each only
 * into an empty table: a profile gets it once.
 */
async function seedDirectorsWork(db: Db, director: Person, password: string, now: number): Promise<void> {
  const empty = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n === 0;
  const ring = keyRingOf(db);
  // Held as a session of its own while they are saved, and dropped after: nobody stays signed in.
  const session = `demo-director-${director.id}`;
  ring.hold(session, director.id, await openPersonalKey(db, director.id, password, now));
  try {
    db.transaction(() => {
      if (listProducts(db, { includeInactive: true }).length === 0)
        for (const fields of DEMO_PRODUCTS) saveProduct(db, director.id, { fields }, now);
      if (empty('canned_replies')) for (const fields of DEMO_CANNED_REPLIES) saveCannedReply(db, director.id, { fields }, now);
      if (empty('tags')) for (const fields of DEMO_TAGS) saveTag(db, director.id, { fields }, now);
    })();
  } finally {
    ring.drop(session);
  }
}

export async function fillDemo(
  db: Db,
  opts: {
    complaints: number;
    customers: number;
    /** How many of each other kind; a kind left out gets its number in proportion to the complaints. */
    others?: Partial<Record<OtherKind, number>>;
    seed?: number;
    now?: number;
    /** Rows written so far, of `total` (complaints first, then the other kinds). */
    onProgress?: (rows: number, total: number) => void;
  },
): Promise<DemoAccount[]> {
  const rng = seeded(opts.seed ?? 2026);
  const now = opts.now ?? Date.now();
  const accounts: DemoAccount[] = [];
  const people = [];
  for (const s of STAFF) {
    const password = randomBytes(9).toString('base64url');
    people.push(await createStaff(db, { ...s, password }, now));
    accounts.push({ username: s.username, displayName: s.displayName, role: s.role, password });
  }
  // Whatever the number of claims (npm start's demo desk has none until the website posts them).
  const director = people.findIndex((p) => p.role === 'director');
  await seedDirectorsWork(db, people[director]!, accounts[director]!.password, now);
  const customers = db.transaction(() =>
    Array.from({ length: opts.customers }, (_, i) =>
      insertCustomer(db, { ...makeCustomer(rng, i + 1), createdAt: now - between(rng, 200, 900) * DAY }),
    ),
  )();
  const counts = demoCounts(opts.complaints, opts.others);
  const total = SUBMISSION_KINDS.reduce((sum, k) => sum + counts[k], 0);
  let written = 0;
  for (const kind of SUBMISSION_KINDS) {
    // The operator whose inbox this is works its rows.
    const operator = people.find((p) => p.role === 'operator' && p.grants.includes(kind))!;
    const notes = NOTES[kind];
    // A commit and a search-index write per chunk: a million-row demo (the benchmark's) neither holds one
    // transaction's journal for the whole fill nor indexes row by row.
    for (let done = 0; done < counts[kind]; done += DEMO_CHUNK) {
      const chunk = Array.from({ length: Math.min(DEMO_CHUNK, counts[kind] - done) }, () => {
        const age = rng();
        const status = pick(rng, STATUS_MIX);
        const createdAt = now - Math.floor(age * AGE_DAYS[status] * DAY);
        const { subject, body, details } = makeSubmission(rng, kind, createdAt);
        const customerId = pick(rng, customers);
        const priority = pick(rng, PRIORITIES);
        const worked = status !== 'new' && rng() < 0.5;
        return { kind, customerId, subject, body, details, status, priority, createdAt, worked };
      });
      db.transaction(() => {
        const ids = insertSubmissions(
          db,
          chunk.map(({ worked, ...s }) => ({ ...s, assigneeId: worked ? operator.id : null })),
        );
        chunk.forEach((s, i) => {
          if (!s.worked) return;
          // Picked by position rather than drawn, so the rows stay what the same seed always made.
          const note = notes[(done + i) % notes.length]!;
          stmt(
            db,
            `INSERT INTO submission_events (id, submission_id, type, actor_id, body, created_at) VALUES (?, ?, 'note', ?, ?, ?)`,
          ).run(newId(), ids[i], operator.id, note, s.createdAt + DAY);
        });
      })();
      written += chunk.length;
      opts.onProgress?.(written, total);
    }
  }
  return accounts;
}
