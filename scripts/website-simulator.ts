/**
 * A stand-in for the company website's server, for `npm start`: it posts every kind of submission (in the
 * demo's proportions) and comments to the hub's intake API, first a batch (with progress) and then one every
 * few seconds, with an idempotency key per post and retries while the hub is down. Warranty claims are about
 * the demo catalogue's products (which the demo desk's director brings to the hub): half from the website's
 * product list with their SKU, half typed by name, and a few odd ones (bought elsewhere, a serial typed short,
 * a unit someone else claimed before), as main/core/demo/warranty.ts makes them. Once the batch is in, one post
 * in four is a customer writing again about one of their recent submissions (which reopens it if it waits on
 * them). Now and then a customer asks about their own data (a profile change, deletion, consent withdrawal or a
 * copy), some received days ago so their clocks run late, and an account holder writes as a guest (a duplicate to
 * merge). A post the hub refuses
 * is a bug in the demo data: it is logged loudly and counted, and the batch's last line says how many.
 * Readers report a comment now and then. Meanwhile it reads the hub's website feed, as the website does, and logs
 * each comment it would publish or hide;
 * it keeps its place in the feed in the cursor file, so a restart goes on where it stopped.
 * Usage: website-simulator.ts --hub URL --key-file FILE [--cursor-file FILE] [--initial 5000] [--every-ms 8000]
 *   [--feed-every-ms 3000] [--seed N]
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { WebsiteChangesPage, type WebsiteChange } from '../common/protocol/website-feed.ts';
import type { Comment, CommentReport, CustomerMessage, Submission } from '../common/protocol/website-intake.ts';
import { REPORT_REASONS } from '../common/moderation/markers.ts';
import type { SubmissionKind } from '../common/vocabulary/submissions.ts';
import { makeComment, type PostedComment } from '../main/core/demo/comments.ts';
import { makeConsent, makeDataRequest } from '../main/core/demo/data-requests.ts';
import { makeSubmission, pickKind, type AnyDemoSubmission } from '../main/core/demo/submissions.ts';
import { between, makeCustomer, pick, seeded, type DemoCustomer } from '../main/core/demo/vietnamese.ts';

const { values } = parseArgs({
  options: {
    hub: { type: 'string' },
    'key-file': { type: 'string' },
    initial: { type: 'string', default: '0' },
    'every-ms': { type: 'string', default: '8000' },
    'cursor-file': { type: 'string' },
    'feed-every-ms': { type: 'string', default: '3000' },
    seed: { type: 'string' },
  },
});
if (!values.hub || !values['key-file'])
  throw new Error('usage: website-simulator.ts --hub URL --key-file FILE [--initial N] [--every-ms MS] [--seed N]');
const hub = values.hub;
const key = readFileSync(values['key-file'], 'utf8').trim();
const rng = seeded(values.seed === undefined ? Date.now() % 100_000 : Number(values.seed));
const customers = Array.from({ length: 300 }, (_, i) => makeCustomer(seeded(i + 1), i + 1));

function website(c: DemoCustomer): z.input<typeof Submission>['customer'] {
  return {
    ref: c.username,
    username: c.username,
    gender: c.gender,
    fullName: c.fullName,
    email: c.email,
    phone: c.phone,
    address: c.address,
  };
}

/** A submission as the intake takes it: the kind's own fields beside subject and body, not nested. */
function intakeBody(s: AnyDemoSubmission, c: DemoCustomer, submittedAt: string): z.input<typeof Submission> {
  const base = { customer: website(c), subject: s.subject, body: s.body, submittedAt };
  switch (s.kind) {
    case 'complaint':
    case 'question':
      return { kind: s.kind, ...base };
    case 'trade_contact':
      return { kind: s.kind, ...base, ...s.details };
    case 'warranty':
      return { kind: s.kind, ...base, ...s.details };
    case 'feedback':
      return { kind: s.kind, ...base, ...s.details };
  }
}

const FOLLOW_UPS = [
  'Mã vận đơn của tôi là GHN-{n}, nhờ shop kiểm tra giúp.',
  'Tôi đã gửi ảnh hoá đơn qua email rồi ạ.',
  'Đến giờ tôi vẫn chưa nhận được phản hồi, mong shop xử lý sớm.',
  'Cảm ơn shop, số điện thoại liên hệ của tôi vẫn như cũ.',
  'Tôi mua ở chi nhánh Cầu Giấy, ngày mua ghi trên phiếu bảo hành.',
];

/** A post to make; `posted`: the comment as this run remembers it once the hub took it. */
type Post = {
  what: SubmissionKind | 'comment' | 'report' | 'message' | 'consent' | 'data request';
  path: string;
  body: unknown;
  posted?: PostedComment;
};
/** Posts that must follow the one just made (a consent's withdrawal after the consent). */
const queued: Post[] = [];
let requestsPosted = 0;
/**
 * Submissions the hub took, newest last, with their customer's reference: what customers write again about, each
 * at most twice (and never the same words twice), as people do, rather than the first few over and over.
 */
const recent: { id: string; customerRef: string; said: string[] }[] = [];
const MESSAGES_PER_SUBMISSION = 2;
/** The comments this run posted, newest last: a later comment may answer one, and the feed's decisions are logged with their words. */
const commentsPosted: PostedComment[] = [];

function nextPost(followUps = false): Post {
  const next = queued.shift();
  if (next) return next;
  const c = pick(rng, customers);
  const now = new Date();
  // Now and then a customer opts in to promotions, or asks about their own data (every type in turn).
  if (rng() < 0.02) return { what: 'consent', path: '/intake/v1/consents', body: makeConsent(rng, website(c), now.getTime()) };

  if (rng() < 0.006) {
    const { consent, request } = makeDataRequest(rng, requestsPosted++, website(c), now.getTime());
    const asked: Post = { what: 'data request', path: '/intake/v1/account-requests', body: request };
    if (!consent) return asked;
    queued.push(asked);
    return { what: 'consent', path: '/intake/v1/consents', body: consent };
  }
  const open = recent.filter((r) => r.said.length < MESSAGES_PER_SUBMISSION);
  if (followUps && open.length && rng() < 0.25) {
    const about = pick(rng, open);
    const words = pick(
      rng,
      FOLLOW_UPS.filter((f) => !about.said.includes(f)),
    );
    about.said.push(words);
    const message: z.input<typeof CustomerMessage> = {
      submissionId: about.id,
      customerRef: about.customerRef,
      body: words.replace('{n}', String(between(rng, 1_000_000, 9_999_999))),
      sentAt: now.toISOString(),
    };
    return { what: 'message', path: '/intake/v1/messages', body: message };
  }
  // Now and then a reader reports one of the comments posted.
  if (commentsPosted.length && rng() < 0.02) {
    const report: z.input<typeof CommentReport> = {
      commentRef: pick(rng, commentsPosted).ref,
      reason: pick(rng, REPORT_REASONS),
      reportedAt: now.toISOString(),
    };
    return { what: 'report', path: '/intake/v1/comment-reports', body: report };
  }
  if (rng() < 0.2) {
    const made = makeComment(rng, commentsPosted);
    const comment: z.input<typeof Comment> = { ref: `cm-${randomUUID()}`, customer: website(c), ...made, postedAt: now.toISOString() };
    return { what: 'comment', path: '/intake/v1/comments', body: comment, posted: { ref: comment.ref, comment: made } };
  }
  const s = makeSubmission(rng, pickKind(rng), now.getTime()) as AnyDemoSubmission;
  const body = intakeBody(s, c, now.toISOString());
  // Now and then an account holder writes as a guest (no account, the same email typed in capitals): a duplicate
  // record the Customers screen suggests merging.
  if (rng() < 0.01) body.customer = { ref: `guest-${c.username}`, fullName: c.fullName, email: c.email.toUpperCase(), phone: c.phone };
  return { what: s.kind, path: '/intake/v1/submissions', body };
}

const accepted = new Map<Post['what'], number>();
let refused = 0;

/** Posts until the hub answers; true when it took the post, false (and said so loudly) when it refused it. */
async function post({ what, path, body, posted }: Post): Promise<boolean> {
  const idempotencyKey = `sim-${randomUUID()}`;
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await fetch(hub + path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}`, 'Idempotency-Key': idempotencyKey },
        body: JSON.stringify(body),
      });
      if (res.ok) {
        accepted.set(what, (accepted.get(what) ?? 0) + 1);
        if (posted) {
          commentsPosted.push(posted);
          if (commentsPosted.length > 5000) commentsPosted.shift();
        }
        if (path === '/intake/v1/submissions') {
          const { id } = (await res.json()) as { id: string };
          recent.push({ id, customerRef: (body as { customer: { ref: string } }).customer.ref, said: [] });
          if (recent.length > 200) recent.shift();
        }
        return true;
      }
      if (res.status < 500) {
        refused++;
        console.error(
          `website simulator: REFUSED — the hub answered ${res.status} to a ${what} at ${path}: ${await res.text()}\n` +
            `  what was sent: ${JSON.stringify(body)}`,
        );
        return false;
      }
    } catch {
      // the hub is not up (yet): the same post with the same key is tried again
    }
    await new Promise((r) => setTimeout(r, Math.min(500 * 2 ** attempt, 10_000)));
  }
}

const tally = () =>
  `${[...accepted].map(([what, n]) => `${what} ${n}`).join(', ')}; ${refused} refused${refused ? ' (see the REFUSED lines above)' : ''}`;

/** What the website would do with a change of its feed, as one line of the log. */
function act(c: WebsiteChange): string {
  switch (c.type) {
    case 'author.ban':
      return `bans author ${c.author.ref}: refuses their comments from now on`;
    case 'author.unban':
      return `lifts the ban on author ${c.author.ref}`;
    case 'author.premoderate':
      return c.on ? `holds every comment of author ${c.author.ref} until approved` : `publishes author ${c.author.ref}'s comments as usual`;
    case 'request.decided':
      return c.outcome === 'completed'
        ? `carries out ${c.customer.ref}'s ${c.request.type} request${c.changes ? ` (new ${Object.keys(c.changes).join(', ')})` : ''}`
        : `tells ${c.customer.ref} their ${c.request.type} request was refused: ${c.reason ?? ''}`;
    case 'customer.merge':
      return `merges account ${c.from.ref} into ${c.into.ref}`;
    case 'customer.unmerge':
      return `separates account ${c.from.ref} from ${c.into.ref} again`;
    case 'consent.withdrawn':
      return `stops ${c.channel} promotions to ${c.customer.ref}`;
    case 'account.delete':
      return `deletes the account of ${c.customer.ref}`;
    default: {
      const words = commentsPosted.find((p) => p.ref === c.comment.ref)?.comment.body;
      const quoted = words ? ` «${words.length > 60 ? `${words.slice(0, 59)}…` : words}»` : '';
      return c.type === 'comment.publish'
        ? `publishes comment ${c.comment.ref}${quoted}`
        : `hides comment ${c.comment.ref} (${c.reason})${quoted}`;
    }
  }
}

/**
 * Reads the feed from the cursor it kept, a page at a time, and keeps a page's cursor once it has acted on the
 * page: dying in between, it acts on that page again, which is harmless (publishing or hiding twice is doing it
 * once). A hub that is down is asked again at the next round.
 */
async function readFeed(): Promise<never> {
  const cursorFile = values['cursor-file'];
  let cursor = cursorFile && existsSync(cursorFile) ? Number(readFileSync(cursorFile, 'utf8')) : 0;
  for (;;) {
    try {
      for (let more = true; more;) {
        const res = await fetch(`${hub}/website/v1/changes?cursor=${cursor}&limit=200`, { headers: { Authorization: `Bearer ${key}` } });
        if (!res.ok) throw new Error(`the feed answered ${res.status}: ${await res.text()}`);
        const page = WebsiteChangesPage.parse(await res.json());
        for (const c of page.changes) console.log(`website simulator: feed #${c.seq}: the website ${act(c)}`);
        cursor = page.cursor;
        if (cursorFile) writeFileSync(cursorFile, String(cursor));
        more = page.more;
      }
    } catch (e) {
      if (!(e instanceof TypeError)) console.error(`website simulator: FEED — ${e instanceof Error ? e.message : String(e)}`);
      // a TypeError is fetch's "the hub is not up (yet)": asked again at the next round
    }
    await new Promise((r) => setTimeout(r, Number(values['feed-every-ms'])));
  }
}
void readFeed();

const initial = Number(values.initial);
let started = 0;
let finished = 0;
const workers = Array.from({ length: 8 }, async () => {
  while (started < initial) {
    started++;
    await post(nextPost());
    if (++finished % 500 === 0) console.log(`website simulator: ${finished}/${initial} initial posts`);
  }
});
await Promise.all(workers);
if (initial) console.log(`website simulator: ${initial} initial posts done (${tally()}); now one every ${values['every-ms']} ms`);
for (;;) {
  await new Promise((r) => setTimeout(r, Number(values['every-ms'])));
  await post(nextPost(true));
}
