/**
 * The consent ledger across a hub and desks: the website's consents (with the page they were given on) and
 * opt-outs; a withdrawal a director takes by phone, which removes the customer from the promotion list at once,
 * reaches the hub as a record that says so and the website as `consent.withdrawn`, and reaches another desk's
 * ledger; the list and its export come from the ledger alone (never anyone without consent, nor anyone erased);
 * an operator without the promotion inbox can neither withdraw nor see a customer only a consent names.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Papa from 'papaparse';
import { errorCode } from '../support/api-calls.ts';
import { personOnOwnDesk } from '../support/enrolled-desk.ts';
import { consent, customer, startTestHub } from '../support/hub.ts';

const hub = await startTestHub();

const person = (deskName: string, username: string, role: 'director' | 'operator', grants: ('promotion' | 'question')[] = []) =>
  personOnOwnDesk(hub, deskName, username, role, grants);

async function given(ref: string, extra: Record<string, unknown> = {}) {
  const r = await hub.post('/intake/v1/consents', {
    ...consent(ref),
    customer: customer(ref, { phone: `09${ref.length}8 765 4${ref.length}1` }),
    ...extra,
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
}

test('a withdrawal taken by phone leaves the promotion list at once, reaches the hub, the website and another desk', async () => {
  await given('cl-an', { pageUrl: 'https://shop.example.vn/dang-ky-nhan-tin' });
  await given('cl-binh');
  await given('cl-chi', { channel: 'sms', wording: 'Tôi đồng ý nhận tin nhắn khuyến mãi.' });
  await given('cl-chi', {
    channel: 'sms',
    optedIn: false,
    wording: 'Tôi không muốn nhận tin nhắn nữa.',
    recordedAt: '2026-11-25T09:00:00+07:00',
  });
  const dir = await person('Ledger A', 'cl_dir', 'director');
  const promo = await person('Ledger B', 'cl_promo', 'operator', ['promotion']);
  await dir.sync();
  await promo.sync();

  const emailList = await dir.call('promotions.list', { channel: 'email' });
  assert.equal(emailList.total, 2);
  assert.ok(
    emailList.rows.every((r: { contact: string }) => !r.contact.includes('cl-an@gmail.com')),
    'masked',
  );
  assert.equal((await dir.call('promotions.list', { channel: 'sms' })).total, 0, 'an opt-out from the website ends the consent');

  const [an] = await dir.call('customers.search', { text: 'cl-an@gmail.com' });
  const page = await dir.call('customers.get', { id: an.id });
  assert.deepEqual(
    page.consents.records.map((r: any) => [r.channel, r.optedIn, r.source, r.pageUrl]),
    [['email', true, 'website', 'https://shop.example.vn/dang-ky-nhan-tin']],
  );
  assert.equal(page.consents.records[0].wording, 'Tôi đồng ý nhận thông tin khuyến mãi qua email.');

  await dir.call('consents.withdraw', { customerId: an.id, channel: 'email', source: 'phone' });
  assert.equal((await dir.call('promotions.list', { channel: 'email' })).total, 1, 'off the list at once');
  assert.equal(
    errorCode(await dir.raw('consents.withdraw', { customerId: an.id, channel: 'email', source: 'phone' })),
    'stale',
    'nothing left to withdraw',
  );
  const { csv, count } = await dir.call('promotions.export', { channel: 'email' });
  assert.equal(count, 1);
  const exported = Papa.parse<string[]>(csv.trim()).data;
  assert.deepEqual(
    exported.slice(1).map((r) => r[1]),
    ['cl-binh@gmail.com'],
    'only those with consent',
  );
  await dir.sync();

  const onHub = (
    await hub.db.query<{ opted_in: boolean; source: string; recorded_by: string | null; wording: string }>(
      `SELECT opted_in, source, recorded_by, wording FROM consents WHERE customer_id = $1 ORDER BY recorded_at`,
      [an.id],
    )
  ).rows;
  assert.deepEqual(
    onHub.map((r) => [r.opted_in, r.source, r.recorded_by]),
    [
      [true, 'website', null],
      [false, 'phone', dir.d.staff.cl_dir!.displayName],
    ],
  );
  const told = (await hub.feed('?limit=1000')).changes.filter((c) => c.type === 'consent.withdrawn');
  assert.deepEqual(
    told.map((c) => ('channel' in c ? [c.customer.ref, c.channel] : [])),
    [['cl-an', 'email']],
  );

  await promo.sync();
  assert.equal((await promo.call('promotions.list', { channel: 'email' })).total, 1);
  const seen = await promo.call('customers.get', { id: an.id });
  assert.deepEqual(seen.consents.active, { email: false, sms: false, phone: false });
  assert.equal(seen.requests, null, 'requests are for directors');
  assert.equal(errorCode(await promo.raw('promotions.export', { channel: 'email' })), 'forbidden', 'exporting needs a director');
});

test('an operator without the inbox cannot see the customer, nor withdraw for them', async () => {
  await given('cl-dung');
  const other = await person('Ledger C', 'cl_questions', 'operator', ['question']);
  const dir = await person('Ledger D', 'cl_dir2', 'director');
  await dir.sync();
  await other.sync();
  const [dung] = await dir.call('customers.search', { text: 'cl-dung@gmail.com' });
  assert.deepEqual(await other.call('customers.search', { text: 'cl-dung@gmail.com' }), []);
  assert.equal(errorCode(await other.raw('customers.get', { id: dung.id })), 'not_found');
  assert.equal(errorCode(await other.raw('consents.withdraw', { customerId: dung.id, channel: 'email', source: 'phone' })), 'forbidden');
  assert.equal(errorCode(await other.raw('promotions.list', { channel: 'email' })), 'forbidden');
  assert.equal(
    (other.d.desk.store.db.prepare('SELECT count(*) AS n FROM customers WHERE email = ?').get('cl-dung@gmail.com') as { n: number }).n,
    0,
    'not even held on their desk',
  );
});
