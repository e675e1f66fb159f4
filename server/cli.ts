/**
 * backdesk-hub: serve, migrate, init, staff, enroll, devices, revoke, website-key. Storage: PostgreSQL when DATABASE_URL is set,
 * else the embedded PGlite folder given by --data-dir (default .hub). Binds 127.0.0.1 unless --host says
 * otherwise; in production run it behind a TLS-terminating proxy (see docs/sync-protocol.md).
 */
import { parseArgs } from 'node:util';
import { newId } from '../common/ids.ts';
import { readPassword } from '../common/node/password-prompt.ts';
import { passwordProblem } from '../common/node/passwords.ts';
import { newCredentials } from '../common/node/signing-keys.ts';
import { DisplayName, Username } from '../common/protocol/directory.ts';
import { buildHub } from './app.ts';
import { connectHubDb, type HubDb } from './db/connect.ts';
import { migrateHub } from './db/migrate.ts';
import { createEnrollmentCode, listDevices, revokeDevice } from './devices/enrollment.ts';
import { createFirstDirector, listDirectory } from './directory/staff.ts';
import { mailConfigFromEnv } from './mail/sender.ts';
import { createWebsiteKey } from './website/keys.ts';
import { webhookConfigFromEnv } from './website/webhook.ts';

const HELP = `backdesk-hub — the hub the website posts to and the desks sync with

  backdesk-hub serve [--host 127.0.0.1] [--port 4790]   run the service (migrates first)
  backdesk-hub migrate                                  apply pending migrations
  backdesk-hub init --username U --name "Họ và tên"     the organisation's first director (password from the terminal or stdin)
  backdesk-hub staff                                    the staff directory (username, name, role, grants, active, signing key)
  backdesk-hub enroll                                   print a one-time desk enrollment code (24 hours)
  backdesk-hub devices                                  list enrolled desks (id, name, enrolled, last seen, revoked)
  backdesk-hub revoke DEVICE_ID                         cut a desk off; its next sync gets 401
  backdesk-hub website-key [--name NAME]                make an API key for the website's server (shown once)

  Storage: DATABASE_URL (PostgreSQL) if set, else --data-dir DIR (embedded PGlite, default .hub).
  Website webhook (serve): WEBSITE_WEBHOOK_URL and WEBSITE_WEBHOOK_SECRET (32+ characters); see docs/website-webhook.md.
`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string', default: '.hub' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '4790' },
      name: { type: 'string' },
      username: { type: 'string' },
    },
  });
  const [command, arg] = positionals;
  if (!command || command === 'help') {
    process.stdout.write(HELP);
    return command ? 0 : 64;
  }
  const db = await connectHubDb({ databaseUrl: process.env.DATABASE_URL, dataDir: values['data-dir'] });
  try {
    switch (command) {
      case 'migrate':
        console.log(`applied ${await migrateHub(db)} migration(s) (${db.kind})`);
        return 0;
      case 'init':
        await migrateHub(db);
        return await init(db, values.username, values.name);
      case 'staff':
        await migrateHub(db);
        for (const p of await listDirectory(db)) {
          const grants = p.role === 'operator' ? `  ${p.grants.join(', ') || '(no inbox)'}` : '';
          console.log(
            `${p.username.padEnd(20)}  ${p.display_name.padEnd(28)}  ${p.role.padEnd(9)}${grants}${p.active ? '' : '  DISABLED'}` +
              (p.has_key ? '' : '  NO SIGNING KEY YET (made at their next sign-in)'),
          );
        }
        return 0;
      case 'enroll': {
        await migrateHub(db);
        const { code, expiresAt } = await createEnrollmentCode(db);
        console.log(`Enrollment code (one use, until ${expiresAt.toISOString()}):\n\n  ${code}\n`);
        return 0;
      }
      case 'devices':
        await migrateHub(db);
        for (const d of await listDevices(db)) {
          const when = (t: Date | null) => (t ? new Date(t).toISOString().slice(0, 16).replace('T', ' ') : '-');
          console.log(
            `${d.id}  ${d.name.padEnd(24)}  enrolled ${when(d.enrolled_at)}  last seen ${when(d.last_seen_at)}${d.revoked_at ? `  REVOKED ${when(d.revoked_at)}` : ''}`,
          );
        }
        return 0;
      case 'revoke':
        if (!arg) throw new Error('revoke needs the device id');
        if (!(await revokeDevice(db, arg))) {
          console.error(`no active device ${arg}`);
          return 1;
        }
        console.log(`revoked ${arg}`);
        return 0;
      case 'website-key': {
        await migrateHub(db);
        const { id, key } = await createWebsiteKey(db, values.name ?? 'website');
        console.log(`Website key ${id} (store it in the website's server configuration; it is not shown again):\n\n  ${key}\n`);
        return 0;
      }
      case 'serve': {
        const webhook = webhookConfigFromEnv(); // before migrating: a half-configured webhook stops the hub, saying why
        await migrateHub(db);
        const mail = mailConfigFromEnv();
        const app = buildHub(db, { logger: true, mail, mailIntervalMs: Number(process.env.MAIL_INTERVAL_MS ?? 2000), webhook });
        await app.listen({ host: values.host, port: Number(values.port) });
        if (!mail) console.log('SMTP_URL is not set: replies are queued, not sent, and desks show that email is not configured');
        if (webhook) console.log(`website webhook: posting the website feed to ${new URL(webhook.url).host}`);
        await new Promise<void>((resolve) => {
          for (const s of ['SIGINT', 'SIGTERM'] as const) process.once(s, () => resolve());
        });
        await app.close(); // stops the mail and webhook delivery too
        return 0;
      }
      default:
        process.stderr.write(`backdesk-hub: unknown command ${command}\n\n${HELP}`);
        return 64;
    }
  } finally {
    await db.close();
  }
}

/**
 * The organisation's first director, once. The password is read from the terminal (or the first line of
 * stdin), never from the command line, where every user of the machine can see it. Usage errors exit 64.
 */
async function init(db: HubDb, username: string | undefined, name: string | undefined): Promise<number> {
  const user = Username.safeParse(username ?? '');
  const displayName = DisplayName.safeParse(name ?? '');
  const wrong =
    !username || !name
      ? 'init needs --username and --name'
      : !user.success
        ? `--username ${user.error.issues[0]!.message}`
        : !displayName.success
          ? `--name ${displayName.error.issues[0]!.message}`
          : null;
  if (wrong || !user.success || !displayName.success) {
    process.stderr.write(`backdesk-hub: ${wrong}\n`);
    return 64;
  }
  if ((await listDirectory(db)).length > 0) {
    console.error('The organisation already has its staff directory; its directors add people from the app.');
    return 1;
  }
  const password = await readPassword(`Mật khẩu cho / password for ${user.data}: `, true);
  const problem = passwordProblem(password);
  if (problem) {
    console.error(`backdesk-hub: ${problem}`);
    return 1;
  }
  // The director's signing key, wrapped under the same password, is made here: the hub never holds it unwrapped after this.
  const { hash: passwordHash, key } = await newCredentials(password);
  const person = { id: newId(), username: user.data, displayName: displayName.data, passwordHash, key };
  if (!(await createFirstDirector(db, person))) {
    console.error('The organisation already has its staff directory; its directors add people from the app.');
    return 1;
  }
  console.log(`Created director ${person.username} (${person.id}); every desk receives the account at its next sync.`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`backdesk-hub: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
