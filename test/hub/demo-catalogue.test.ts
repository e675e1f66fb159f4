/**
 * `npm start`'s loop for the warranty desk: a demo profile made as npm start makes it (no complaints, no
 * customers) holds the demo's product catalogue, entered and signed by its director; once the desk enrolls and
 * syncs, the catalogue is on the hub and on a second desk that works claims. The website's demo claims, posted
 * to the hub, then show on both desks every eligibility state and every serial warning, their products found by
 * SKU and by name as typed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Eligibility } from '../../common/warranty/eligibility.ts';
import type { Envelope } from '../../main/api/contract.ts';
import type { Desk } from '../../main/api/desk.ts';
import { fillDemo } from '../../main/core/demo/profile.ts';
import { makeSubmission } from '../../main/core/demo/submissions.ts';
import { seeded } from '../../main/core/demo/vietnamese.ts';
import { DEMO_PRODUCTS } from '../../main/core/demo/warranty.ts';
import { keyRingOf } from '../../main/core/security/key-ring.ts';
import { enrolledDesk } from '../support/enrolled-desk.ts';
import { PASSWORD, tempDesk } from '../support/fixtures.ts';
import { customer, startTestHub } from '../support/hub.ts';

const hub = await startTestHub();
const TIMEOUT = { timeout: 180_000 };
const CLAIMS = 300;

interface View {
  product: { sku: string } | null;
  eligibility: Eligibility;
  serial: { unlikePattern: boolean; otherCustomers: number; tooManyClaims: boolean } | null;
}

const catalogue = (desk: Desk) =>
  desk.store.db
    .prepare(
      `SELECT sku, name, warranty_months AS warrantyMonths, serial_pattern AS serialPattern, active = 1 AS active
       FROM products ORDER BY sku`,
    )
    .all()
    .map((p) => ({ ...(p as { active: number }), active: (p as { active: number }).active === 1 }));
const expected = [...DEMO_PRODUCTS].sort((a, b) => (a.sku < b.sku ? -1 : 1));

/** What a desk's warranty claims show their reader (through the dispatcher, as the inbox's screen asks). */
async function whatClaimsShow(desk: Desk, username: string, password: string) {
  const call = (m: string, i: unknown) => desk.dispatcher.call(`demo-${username}`, m, i) as Promise<Envelope>;
  assert.ok((await call('auth.signIn', { username, password })).ok, username);
  const ids = desk.store.db.prepare(`SELECT id FROM submissions WHERE kind = 'warranty'`).pluck().all() as string[];
  assert.equal(ids.length, CLAIMS);
  const seen = new Set<string>();
  for (const id of ids) {
    const got = (await call('warrantyClaims.get', { id })) as Envelope<{ details: { sku?: string }; warranty: View }>;
    assert.ok(got.ok, JSON.stringify(got));
    const { details, warranty: w } = got.result;
    seen.add(`eligibility ${w.eligibility.state}${w.eligibility.state === 'unknown' ? `: ${w.eligibility.missing.join(', ')}` : ''}`);
    if (w.product) seen.add(details.sku ? 'product by SKU' : 'product by name');
    if (w.serial?.unlikePattern) seen.add('serial unlike its pattern');
    if (w.serial?.otherCustomers) seen.add("serial on another customer's claim");
    if (w.serial?.tooManyClaims) seen.add('serial on too many claims');
  }
  await call('auth.signOut', {});
  return [...seen].sort();
}

test(
  'a demo profile’s catalogue reaches the hub and a second desk, and the demo claims show every state and warning',
  TIMEOUT,
  async () => {
    // The demo desk as npm start makes it: `backdesk demo --complaints 0 --customers 0`.
    const demo = await tempDesk();
    const accounts = await fillDemo(demo.store.db, { complaints: 0, customers: 0 });
    const password = (username: string) => accounts.find((a) => a.username === username)!.password;
    assert.deepEqual(catalogue(demo), expected);
    const director = demo.store.db.prepare(`SELECT id FROM staff WHERE username = 'giamdoc'`).pluck().get() as string;
    const queued = demo.store.db.prepare(`SELECT actor_id, signature FROM outbox WHERE mutation = 'product.upsert'`).all() as {
      actor_id: string;
      signature: string;
    }[];
    assert.equal(queued.length, DEMO_PRODUCTS.length);
    assert.ok(queued.every((q) => q.actor_id === director && q.signature));
    assert.equal(keyRingOf(demo.store.db).keyOf(director), undefined, 'the director’s key is not left open after the fill');

    // Enrolled by its IT admin, as `backdesk enroll` does, and synced: the director's products are applied.
    const it = (m: string, i: unknown) => demo.dispatcher.call('demo-it', m, i);
    assert.ok((await it('auth.signIn', { username: 'quantri', password: password('quantri') })).ok);
    const enrolled = await it('sync.enroll', { hubUrl: hub.url, code: await hub.enrollmentCode(), deviceName: 'Demo desk' });
    assert.ok(enrolled.ok, JSON.stringify(enrolled));
    await it('auth.signOut', {});
    await demo.sync.syncNow();
    assert.equal(demo.sync.current().hub, 'online', demo.sync.current().lastError ?? '');
    assert.deepEqual(
      demo.store.db.prepare(`SELECT state, count(*) AS n FROM outbox WHERE mutation = 'product.upsert' GROUP BY state`).all(),
      [{ state: 'applied', n: DEMO_PRODUCTS.length }],
    );
    const onHub = await hub.db.query(
      `SELECT sku, name, warranty_months AS "warrantyMonths", serial_pattern AS "serialPattern", active FROM products ORDER BY sku`,
    );
    assert.deepEqual(onHub.rows, expected);

    // The website posts the demo's claims, as the simulator does: one generator, so a few name a unit twice.
    const rng = seeded(3);
    for (let i = 0; i < CLAIMS; i++) {
      const at = Date.now();
      const { subject, body, details } = makeSubmission(rng, 'warranty', at);
      const customerRef = `kh${i % 60}`;
      const posted = await hub.post('/intake/v1/submissions', {
        kind: 'warranty',
        customer: customer(customerRef),
        subject,
        body,
        submittedAt: new Date(at).toISOString(),
        ...details,
      });
      assert.equal(posted.status, 201, JSON.stringify(posted.body));
    }

    const other = await enrolledDesk(hub, 'B', [['baohanh_b', 'operator', ['warranty']]]);
    assert.deepEqual(catalogue(other.desk), expected);
    await demo.sync.syncNow();

    // The website's intake requires a purchase date, so "unknown" is always for want of a catalogue product.
    const everything = [
      'eligibility in',
      'eligibility out',
      'eligibility unknown: product',
      'product by SKU',
      'product by name',
      "serial on another customer's claim",
      'serial on too many claims',
      'serial unlike its pattern',
    ].sort();
    assert.deepEqual(await whatClaimsShow(other.desk, 'baohanh_b', PASSWORD), everything);
    assert.deepEqual(await whatClaimsShow(demo, 'dieuhanh', password('dieuhanh')), everything);
  },
);
