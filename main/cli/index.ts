/**
 * The `backdesk` command: init, demo, serve, doctor. Each command's exit code is documented in `help`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { line } from '../../common/text/schemas.ts';
import { openDesk } from '../api/desk.ts';
import { demoCounts, fillDemo, type OtherKind } from '../core/demo/profile.ts';
import { KIND_MIX } from '../core/demo/submissions.ts';
import { DEMO_PRODUCTS } from '../core/demo/warranty.ts';
import { DEMO_CANNED_REPLIES, DEMO_TAGS } from '../core/demo/replies.ts';
import { KEYCHAIN_SERVICE, systemKeychain } from '../core/security/keychain.ts';
import { appendAudit } from '../core/audit/chain.ts';
import { keyRingOf } from '../core/security/key-ring.ts';
import { firstDirector } from '../core/security/staff-admin.ts';
import { AuthError, countStaff } from '../core/security/staff.ts';
import { enroll } from '../core/sync/enrollment.ts';
import { DB_FILE, openStore } from '../core/store/open.ts';
import { RENDERER_DIR } from '../web/renderer-dir.ts';
import { startWebHost } from '../web/server.ts';
import { doctor } from './doctor.ts';
import { readPassword } from '../../common/node/password-prompt.ts';

const DEMO_CREDENTIALS = 'DEMO-CREDENTIALS.txt';

const per100 = (kind: OtherKind) => Math.round(KIND_MIX[kind] * 100);

const HELP = `backdesk — the back office for customers' messages

  backdesk init --data-dir DIR --username NAME --name "Display Name"
      Creates the profile's encrypted store and its first director. The password is read from the
      terminal (or the first line of stdin), never from the command line.
  backdesk demo --data-dir DIR [--complaints N] [--customers N]
                [--questions N] [--trade-contacts N] [--warranty-claims N] [--feedback N]
      Creates a demo profile: 5,000 complaints from 300 customers by default and, unless given, every other
      kind in proportion to the complaints (for 100 complaints, ${per100('question')} questions, ${per100('trade_contact')} trade contacts,
      ${per100('warranty')} warranty claims, ${per100('feedback')} feedback), the warranty desk's product catalogue (${DEMO_PRODUCTS.length} products), canned
      replies and tags, entered by the director and queued for the hub, so they reach the hub when the desk enrolls. Its accounts: a director,
      who sees every inbox; operator dieuhanh (complaints, questions, warranty claims, comments); operator
      kinhdoanh (trade contacts, feedback); an IT admin. Prints their passwords; reopening an existing demo
      profile prints them again.
  backdesk serve --data-dir DIR [--port N] [--idle-minutes N] [--sync-seconds 15]
      Runs the browser host on 127.0.0.1 and prints the one-time URL to open.
  backdesk enroll --data-dir DIR --hub-url URL [--name "Máy trạm"]
      Enrolls this desk with the hub; the one-time code is read from the terminal or stdin.
  backdesk doctor --data-dir DIR
      Checks the profile. Exit codes: 0 all good, 2 keychain unreachable, 3 store does not open or is not
      encrypted, 4 migrations pending, 5 audit chain broken or not matching its anchor in the keychain (rows
      removed or hashes recomputed), 6 audit log differs from the hub's copy, 7 schema altered (a trigger or
      constraint missing or changed), 8 keychain locked, 9 a row of the hub's copy of the audit log has a signature
      that does not verify. When several checks fail, the first one printed decides.
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      'data-dir': { type: 'string' },
      username: { type: 'string' },
      name: { type: 'string' },
      port: { type: 'string' },
      'idle-minutes': { type: 'string' },
      complaints: { type: 'string' },
      customers: { type: 'string' },
      questions: { type: 'string' },
      'trade-contacts': { type: 'string' },
      'warranty-claims': { type: 'string' },
      feedback: { type: 'string' },
      'hub-url': { type: 'string' },
      'sync-seconds': { type: 'string' },
    },
  });
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(HELP);
    return command ? 0 : 1;
  }
  const dataDir = values['data-dir'];
  if (!dataDir) throw new UsageError('--data-dir DIR is required');
  switch (command) {
    case 'init':
      return init(dataDir, values.username, values.name);
    case 'demo':
      return demo(dataDir, count(values.complaints, 5000, '--complaints'), count(values.customers, 300, '--customers'), {
        question: optionalCount(values.questions, '--questions'),
        trade_contact: optionalCount(values['trade-contacts'], '--trade-contacts'),
        warranty: optionalCount(values['warranty-claims'], '--warranty-claims'),
        feedback: optionalCount(values.feedback, '--feedback'),
      });
    case 'serve':
      return serve(
        dataDir,
        values.port === undefined ? 0 : count(values.port, 0, '--port'),
        values['idle-minutes'],
        count(values['sync-seconds'], 15, '--sync-seconds'),
      );
    case 'enroll':
      if (!values['hub-url']) throw new UsageError('enroll needs --hub-url');
      return enrollDesk(dataDir, values['hub-url'], values.name ?? hostname());
    case 'doctor':
      return doctor(dataDir);
    default:
      throw new UsageError(`unknown command ${command}`);
  }
}

class UsageError extends Error {}

function count(text: string | undefined, fallback: number, flag: string): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} must be a whole number, not ${text}`);
  return n;
}

/** A count with no default of its own: left out, the demo chooses it. */
const optionalCount = (text: string | undefined, flag: string): number | undefined =>
  text === undefined ? undefined : count(text, 0, flag);

const ALREADY_INITIALISED = 'This profile already has staff; the first director exists. Sign in instead.';

async function init(dataDir: string, username: string | undefined, name: string | undefined): Promise<number> {
  if (!username || !name) throw new UsageError('init needs --username and --name');
  // The same one-line rule as the first-run screen: the name travels to the hub with every assignment.
  const displayName = line(100).safeParse(name);
  if (!displayName.success) throw new UsageError(`--name ${displayName.error.issues[0]!.message}`);
  const store = await openStore({ dataDir, keychain: systemKeychain() });
  try {
    if (countStaff(store.db) > 0) {
      console.error(ALREADY_INITIALISED);
      return 1;
    }
    const password = await readPassword(`Mật khẩu cho / password for ${username}: `, true);
    // The same one-step check-and-insert as the first-run screen: a second `init` racing this one gets refused.
    const made = await firstDirector(store.db, { username, displayName: displayName.data, password }).catch((e: unknown) => {
      if (e instanceof AuthError && e.code === 'already_initialised') return null;
      throw e;
    });
    if (!made) {
      console.error(ALREADY_INITIALISED);
      return 1;
    }
    const { person } = made;
    // The director's key is open for this one row, so it is signed like the first-run screen's.
    keyRingOf(store.db).hold('init', person.id, made.key);
    appendAudit(
      store.db,
      { id: person.id, name: person.displayName, role: person.role },
      { action: 'staff.first_director', targetType: 'staff', targetId: person.id },
    );
    keyRingOf(store.db).drop('init');
    console.log(`Created director ${person.username} in ${dataDir}. The database key is in the OS keychain (service ${KEYCHAIN_SERVICE}).`);
    return 0;
  } finally {
    store.close();
  }
}

async function demo(dataDir: string, complaints: number, customers: number, others: Partial<Record<OtherKind, number>>): Promise<number> {
  const credentialsFile = join(dataDir, DEMO_CREDENTIALS);
  const fresh = !existsSync(join(dataDir, DB_FILE));
  const store = await openStore({ dataDir, keychain: systemKeychain(), demo: true });
  try {
    if (!store.profile.demo) {
      console.error(`${dataDir} holds a real profile; demo data is only ever added to a demo profile.`);
      return 1;
    }
    if (fresh || countStaff(store.db) === 0) {
      const started = Date.now();
      const accounts = await fillDemo(store.db, { complaints, customers, others });
      const lines = accounts.map((a) => `${a.role.padEnd(9)} ${a.username.padEnd(9)} ${a.password}   (${a.displayName})`);
      // Demo profile only: the passwords are kept beside it, owner-readable, so `npm start` can show them again.
      writeFileSync(credentialsFile, lines.join('\n') + '\n', { mode: 0o600 });
      const made = demoCounts(complaints, others);
      console.log(
        `Demo profile created in ${dataDir}: ${made.complaint} complaints, ${made.question} questions, ${made.trade_contact} trade contacts, ` +
          `${made.warranty} warranty claims and ${made.feedback} feedback from ${customers} customers, a catalogue of ` +
          `${DEMO_PRODUCTS.length} products, ${DEMO_CANNED_REPLIES.length} canned replies and ${DEMO_TAGS.length} tags (${Date.now() - started} ms).`,
      );
    } else {
      console.log(`Demo profile reopened from ${dataDir}.`);
    }
    if (existsSync(credentialsFile)) {
      console.log('Demo accounts (role, username, password):\n' + readFileSync(credentialsFile, 'utf8'));
    }
    return 0;
  } finally {
    store.close();
  }
}

/** Nobody signs in on the command line: the audit row names the command, with IT's role (only IT runs it). */
const CLI_ENROLL_ACTOR = { id: null, name: 'backdesk enroll (command line)', role: 'it_admin' };

async function enrollDesk(dataDir: string, hubUrl: string, name: string): Promise<number> {
  const keychain = systemKeychain();
  const store = await openStore({ dataDir, keychain });
  try {
    const code = (await readPassword('Mã đăng ký / enrollment code: ', false)).trim();
    const deviceId = await enroll(store, keychain, hubUrl, code, name, CLI_ENROLL_ACTOR);
    console.log(`Enrolled with ${hubUrl} as device ${deviceId}; the device token is in the OS keychain.`);
    return 0;
  } finally {
    store.close();
  }
}

async function serve(dataDir: string, port: number, idleMinutes: string | undefined, syncSeconds: number): Promise<number> {
  const idle = idleMinutes === undefined ? undefined : count(idleMinutes, 10, '--idle-minutes') * 60_000;
  const desk = await openDesk({ dataDir, keychain: systemKeychain(), idleLockMs: idle, syncIntervalMs: syncSeconds * 1000 });
  const host = await startWebHost({ dispatcher: desk.dispatcher, rendererDir: RENDERER_DIR, port });
  console.log(`Backdesk is running on ${host.origin} (loopback only).`);
  console.log(`Open this link once; it signs this browser in to the host and then stops working:\n\n  ${host.launchUrl}\n`);
  const lines = process.stdin.isTTY ? createInterface({ input: process.stdin }) : null;
  if (lines) {
    console.log('Press Enter for another one-time link (another browser, or after closing this one); Ctrl+C stops Backdesk.');
    lines.on('line', () => console.log(`\n  ${host.issueLaunchUrl()}\n`));
  }
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
  });
  lines?.close();
  await host.close();
  desk.close();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof UsageError) {
      console.error(`backdesk: ${e.message}\n\n${HELP}`);
      process.exit(64);
    }
    console.error(`backdesk: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
