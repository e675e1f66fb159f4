/**
 * Merging two records of one customer across a hub and desks: the pair sharing an email suggested as duplicates, the
 * merge previewed field by field (masked) and applied on one desk, carried out by the hub (rows moved, the chosen
 * fields taken, the website told), seen on another desk; undone; refused for two records that both have a username
 * (by the desk's preview, and by the hub when a merge is forced into the outbox); an undo refused once the target
 * changed since.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { enqueue } from '../../main/core/domain/outbox.ts';
import { errorCode } from '../support/api-calls.ts';
import { personOnOwnDesk } from '../support/enrolled-desk.ts';
import { complaint, customer, startTestHub, websiteComment } from '../support/hub.ts';

const hub = await startTestHub();

const person = (deskName: string, username: string, role: 'director' | 'operator', grants: ('complaint' | 'comment')[] = []) =>
  personOnOwnDesk(hub, deskName, username, role, grants);

const customerOf = async (submissionId: string) =>
  (
    await hub.db.query<{ ref: string }>(
      'SELECT c.website_ref AS ref FROM submissions s JOIN customers c ON c.id = s.customer_id WHERE s.id = $1',
      [submissionId],
    )
  ).rows[0]!.ref;

test('a guest record merged into the account that shares its email, seen on another desk, then undone', async () => {
  // The same person: a complaint sent as a guest (no username), and an account with a comment.
  const guest = { ...customer('mg-guest'), username: undefined, gender: undefined, email: 'Hanh.Vu@Gmail.com', phone: '0911 222 333' };
  const account = { ...customer('mg-account'), email: 'hanh.vu@gmail.com', phone: undefined, address: '9 Lê Lợi, Huế' };
  const posted = await hub.post('/intake/v1/submissions', { ...complaint('mg-guest'), customer: guest });
  assert.equal(posted.status, 201, JSON.stringify(posted.body));
  await hub.post('/intake/v1/comments', { ...websiteComment('mg-c1', 'mg-account'), customer: account });
  const dir = await person('Merge A', 'mg_dir', 'director');
  const op = await person('Merge B', 'mg_op', 'operator', ['complaint']);
  await dir.sync();
  await op.sync();

  const groups = await dir.call('customers.duplicates');
  const group = groups.find((g: any) => g.shared.includes('email') && g.customers.length === 2);
  assert.ok(group, JSON.stringify(groups));
  const byUsername = (u: string | null) => group.customers.find((c: any) => c.username === u).id as string;
  const [source, target] = [byUsername(null), byUsername('user_mg-account')];

  // Merged into the guest, the account's username would have to move: refused, and said why.
  const wrongWay = await dir.call('customers.mergePreview', { sourceId: target, targetId: source, choose: {} });
  assert.equal(wrongWay.refused, 'source_username');
  const preview = await dir.call('customers.mergePreview', {
    sourceId: source,
    targetId: target,
    choose: { phone: 'source', email: 'target' },
  });
  assert.equal(preview.refused, null);
  assert.equal(preview.username, 'user_mg-account');
  const phone = preview.fields.find((f: any) => f.field === 'phone');
  assert.deepEqual([phone.target, phone.choice], [null, 'source']);
  assert.ok(phone.result && !phone.result.includes('222'), 'masked');
  assert.deepEqual(preview.moves, { submissions: 1, comments: 0, consents: 0, requests: 0 });

  await dir.call('customers.merge', { sourceId: source, targetId: target, choose: { phone: 'source', email: 'target' } });
  await dir.sync();
  const onHub = (
    await hub.db.query<any>(
      'SELECT website_ref, phone, email, address, username, merged_into FROM customers WHERE id IN ($1, $2) ORDER BY website_ref',
      [source, target],
    )
  ).rows;
  assert.deepEqual(onHub, [
    {
      website_ref: 'mg-account',
      phone: '0911 222 333',
      email: 'hanh.vu@gmail.com',
      address: '9 Lê Lợi, Huế',
      username: 'user_mg-account',
      merged_into: null,
    },
    { website_ref: 'mg-guest', phone: '0911 222 333', email: 'Hanh.Vu@Gmail.com', address: null, username: null, merged_into: target },
  ]);
  assert.equal(await customerOf(posted.body.id), 'mg-account', 'the complaint moved');
  const feed = (await hub.feed('?limit=1000')).changes.filter((c) => c.type === 'customer.merge' || c.type === 'customer.unmerge');
  assert.deepEqual(
    feed.map((c) => ('from' in c ? [c.type, c.from.ref, c.into.ref] : [])),
    [['customer.merge', 'mg-guest', 'mg-account']],
  );

  // Another desk: the complaint's customer is the account now, found by the guest's number; the guest is gone.
  await op.sync();
  const card = await op.call('complaints.customerCard', { submissionId: posted.body.id });
  assert.equal(card.id, target);
  assert.deepEqual(
    (await op.call('customers.search', { text: '+84 911 222 333' })).map((c: any) => c.id),
    [target],
  );
  const page = await dir.call('customers.get', { id: target });
  assert.deepEqual(
    page.mergedFrom.map((m: any) => m.id),
    [source],
  );

  // Undone: the complaint and the account's fields go back, on every desk, and the website is told.
  await dir.call('customers.unmerge', { sourceId: source });
  await dir.sync();
  assert.equal(await customerOf(posted.body.id), 'mg-guest');
  const back = (await hub.db.query<any>('SELECT phone, merged_into FROM customers WHERE id = $1', [target])).rows[0];
  assert.deepEqual(back, { phone: null, merged_into: null });
  await op.sync();
  assert.equal((await op.call('complaints.customerCard', { submissionId: posted.body.id })).id, source);
  assert.deepEqual((await hub.feed('?limit=1000')).changes.filter((c) => c.type === 'customer.unmerge').length, 1);

  // Merged again, then the target changes (a profile change completed): the merge can no longer be undone.
  await dir.call('customers.merge', { sourceId: source, targetId: target, choose: {} });
  await dir.sync();
  const request = await hub.post('/intake/v1/account-requests', {
    type: 'profile_change',
    customer: account,
    changes: { address: '10 Lê Lợi, Huế' },
    requestedAt: new Date().toISOString(),
  });
  assert.equal(request.status, 201, JSON.stringify(request.body));
  await dir.sync();
  await dir.call('requests.decide', { id: request.body.id, decision: { outcome: 'completed' } });
  await dir.sync();
  await dir.call('customers.unmerge', { sourceId: source });
  await dir.sync();
  const refused = dir.d.desk.store.db
    .prepare(`SELECT state, reason, current FROM outbox WHERE mutation = 'customer.unmerge' ORDER BY created_at DESC LIMIT 1`)
    .get() as { state: string; reason: string; current: string };
  assert.deepEqual(
    [refused.state, refused.reason],
    ['rejected', 'the customer it was merged into has changed since: the merge can no longer be undone'],
  );
  assert.equal(JSON.parse(refused.current).refusal, 'target_changed', 'with the code the desk words it by');
});

test('two records that both have a username cannot be merged: the desk says why, and the hub refuses a forced one', async () => {
  await hub.post('/intake/v1/submissions', { ...complaint('mg-one'), customer: customer('mg-one', { email: 'twice@gmail.com' }) });
  await hub.post('/intake/v1/submissions', { ...complaint('mg-two'), customer: customer('mg-two', { email: 'twice@gmail.com' }) });
  const dir = await person('Merge C', 'mg_dir2', 'director');
  await dir.sync();
  const [a, b] = (await dir.call('customers.search', { text: 'twice@gmail.com' })).map((c: any) => c.id);
  const preview = await dir.call('customers.mergePreview', { sourceId: a, targetId: b, choose: {} });
  assert.equal(preview.refused, 'both_usernames');
  assert.equal(errorCode(await dir.raw('customers.merge', { sourceId: a, targetId: b, choose: {} })), 'invalid_input');
  enqueue(dir.d.desk.store.db, {
    mutation: 'customer.merge',
    entityType: 'customer',
    entityId: '01a24f00-0000-7000-8000-000000000001',
    payload: { sourceId: a, targetId: b, choose: {} },
    actorId: dir.d.staff.mg_dir2!.id,
  });
  await dir.sync();
  assert.deepEqual(dir.d.desk.store.db.prepare(`SELECT state, reason FROM outbox WHERE mutation = 'customer.merge'`).get(), {
    state: 'rejected',
    reason: 'both have a username, which never changes: they cannot be merged',
  });
  const usernames = (
    await hub.db.query<{ username: string }>('SELECT username FROM customers WHERE id IN ($1, $2) ORDER BY username', [a, b])
  ).rows;
  assert.deepEqual(
    usernames.map((r) => r.username),
    ['user_mg-one', 'user_mg-two'],
  );
});

test('a banned guest merged into an account: the account is banned for the guest’s reason, with its notes, and the website told; undone, it is not', async () => {
  const guest = { ...customer('mgb-guest'), username: undefined, gender: undefined, email: 'spam.lover@gmail.com', phone: undefined };
  const account = { ...customer('mgb-account'), email: 'SPAM.LOVER@gmail.com', phone: undefined };
  assert.equal((await hub.post('/intake/v1/comments', { ...websiteComment('mgb-c1', 'mgb-guest'), customer: guest })).status, 201);
  assert.equal((await hub.post('/intake/v1/comments', { ...websiteComment('mgb-c2', 'mgb-account'), customer: account })).status, 201);
  const dir = await person('Merge D', 'mgb_dir', 'director');
  const mod = await person('Merge E', 'mgb_mod', 'operator', ['comment']);
  await dir.sync();
  await mod.sync();
  const idOf = async (table: 'customers' | 'comments', ref: string) =>
    (await hub.db.query<{ id: string }>(`SELECT id FROM ${table} WHERE website_ref = $1`, [ref])).rows[0]!.id;
  const [g, a] = [await idOf('customers', 'mgb-guest'), await idOf('customers', 'mgb-account')];
  // The moderation calls name an author by one of their comments.
  const [byGuest, byAccount] = [await idOf('comments', 'mgb-c1'), await idOf('comments', 'mgb-c2')];
  await mod.call('comments.authorStanding', {
    id: byGuest,
    standing: { premoderate: false, banned: true, banReason: 'Quảng cáo', rejectPending: false },
  });
  await mod.call('comments.authorNote', { id: byGuest, body: 'Gửi đường dẫn lạ nhiều lần' });
  await mod.sync();
  const bans = async () =>
    (await hub.feed('?limit=1000')).changes
      .filter((c) => (c.type === 'author.ban' || c.type === 'author.unban') && 'author' in c && c.author.ref === 'mgb-account')
      .map((c) => c.type);

  await dir.sync();
  await dir.call('customers.merge', { sourceId: g, targetId: a, choose: {} });
  await dir.sync();
  await mod.sync();
  const merged = (await mod.call('comments.author', { id: byAccount })).standing;
  assert.deepEqual(
    [merged.banned, merged.banReason, merged.notes.map((n: any) => n.body)],
    [true, 'Quảng cáo', ['Gửi đường dẫn lạ nhiều lần']],
    'the account, on another desk, is the banned author the guest was',
  );
  assert.deepEqual(await bans(), ['author.ban']);

  await dir.call('customers.unmerge', { sourceId: g });
  await dir.sync();
  await mod.sync();
  const undone = (await mod.call('comments.author', { id: byAccount })).standing;
  assert.deepEqual([undone.banned, undone.banReason, undone.notes], [false, null, []]);
  assert.equal((await mod.call('comments.author', { id: byGuest })).standing.banned, true, 'the guest record keeps its own ban');
  assert.deepEqual(await bans(), ['author.ban', 'author.unban']);

  // Merged again, then a moderator notes something about the account: its standing changed since, so no undo.
  await dir.call('customers.merge', { sourceId: g, targetId: a, choose: {} });
  await dir.sync();
  await mod.sync();
  await mod.call('comments.authorNote', { id: byAccount, body: 'Đã nhắc nhở qua điện thoại' });
  await mod.sync();
  await dir.call('customers.unmerge', { sourceId: g });
  await dir.sync();
  const refused = dir.d.desk.store.db
    .prepare(`SELECT state, current FROM outbox WHERE mutation = 'customer.unmerge' ORDER BY created_at DESC LIMIT 1`)
    .get() as { state: string; current: string };
  assert.deepEqual([refused.state, JSON.parse(refused.current).refusal], ['rejected', 'target_changed']);
  assert.equal((await mod.call('comments.author', { id: byAccount })).standing.banned, true, 'still the banned author');
});
