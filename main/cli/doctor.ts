/**
 * `backdesk doctor`: what IT runs to check a profile, without taking the database's word for itself. The
 * schema is compared with what the migrations make, and the audit log's head with its anchor kept in the
 * OS keychain. Every check that can run does; the exit code is the first failure's, in the order printed
 * (the codes are listed in the help in index.ts and in docs/security-model.md).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkAuditAnchor } from '../core/audit/anchor.ts';
import { verifyAudit } from '../core/audit/chain.ts';
import { KEYCHAIN_SERVICE, KeychainLockedError, systemKeychain } from '../core/security/keychain.ts';
import { compareSchema } from '../core/store/schema-check.ts';
import { DB_FILE, isEncryptedFile, latestSchemaVersion, openStore, schemaVersion, StoreError, type Store } from '../core/store/open.ts';
import { compareAuditWithHub } from '../core/sync/audit-comparison.ts';

export const DOCTOR_EXIT = {
  ok: 0,
  keychainUnreachable: 2,
  storeDoesNotOpen: 3,
  migrationsPending: 4,
  auditBroken: 5,
  hubCopyDiffers: 6,
  schemaAltered: 7,
  keychainLocked: 8,
  signatureInvalid: 9,
} as const;

export async function doctor(dataDir: string): Promise<number> {
  const failures: number[] = [];
  const ok = (m: string) => console.log(`✓ ${m}`);
  const warn = (m: string) => console.log(`! ${m}`);
  const bad = (m: string, code: number) => {
    console.log(`✗ ${m}`);
    failures.push(code);
    return code;
  };
  const keychain = systemKeychain();
  try {
    await keychain.get(KEYCHAIN_SERVICE, 'doctor-probe');
    ok('the OS keychain is reachable and unlocked');
  } catch (e) {
    return bad((e as Error).message, e instanceof KeychainLockedError ? DOCTOR_EXIT.keychainLocked : DOCTOR_EXIT.keychainUnreachable);
  }
  // Opening would make a new profile here; a doctor only looks.
  if (!existsSync(join(dataDir, DB_FILE)))
    return bad(`there is no Backdesk store in ${dataDir} (no ${DB_FILE})`, DOCTOR_EXIT.storeDoesNotOpen);
  const started = new Date().toISOString();
  let store: Store;
  try {
    store = await openStore({ dataDir, keychain, migrate: false });
  } catch (e) {
    return bad(`the store does not open: ${(e as Error).message}`, storeFailureCode(e));
  }
  try {
    if (!isEncryptedFile(join(dataDir, DB_FILE))) return bad('the store file is not encrypted', DOCTOR_EXIT.storeDoesNotOpen);
    ok(`the store opens with the keychain's key and is encrypted (${store.db.pragma('cipher', { simple: true })})`);

    const [version, latest] = [schemaVersion(store.db), latestSchemaVersion()];
    if (version > latest) {
      return bad(`the store is at schema ${version}, newer than this Backdesk (${latest}): update Backdesk`, DOCTOR_EXIT.storeDoesNotOpen);
    }
    if (version < latest) {
      bad(
        `the schema is at version ${version}; this Backdesk expects ${latest} (open Backdesk once to migrate)`,
        DOCTOR_EXIT.migrationsPending,
      );
    } else ok(`migrations are current (schema ${version})`);

    const differences = compareSchema(store.db);
    if (differences.length > 0) {
      const list = differences.map((d) => `${d.kind} ${d.type} ${d.name}`).join(', ');
      bad(
        `the schema is not the one the migrations make (a protective trigger or constraint may be gone): ${list}`,
        DOCTOR_EXIT.schemaAltered,
      );
    } else ok(`the schema is exactly what migrations 1–${version} make (every trigger and constraint in place)`);

    const chain = verifyAudit(store.db);
    if (!chain.intact) bad(`the audit chain is broken at row ${chain.brokenAtSeq}: ${chain.reason}`, DOCTOR_EXIT.auditBroken);
    else ok(`the audit chain is intact (${chain.rows} rows)`);

    const anchor = checkAuditAnchor(store.db);
    if (anchor.state === 'missing') {
      bad("the audit log's anchor is gone from the store while its secret is in the keychain: it was removed", DOCTOR_EXIT.auditBroken);
    } else if (anchor.state === 'differs') {
      bad(
        `the audit log does not match its anchor in the OS keychain (anchored since ${anchor.since}): ${anchor.reason}`,
        DOCTOR_EXIT.auditBroken,
      );
    } else {
      const fresh = anchor.since >= started ? ', just now: this store had no anchor yet' : '';
      const head = anchor.seq === 0 ? 'the audit log (empty)' : `the audit log's last row (${anchor.seq})`;
      ok(`${head} matches its anchor in the OS keychain (anchored since ${anchor.since}${fresh})`);
    }

    const copy = await compareAuditWithHub(store, keychain);
    if (copy.kind === 'differs') {
      bad(`the audit log differs from the hub's copy at row ${copy.seq}: it was changed on this desk`, DOCTOR_EXIT.hubCopyDiffers);
    } else if (copy.kind === 'matches') {
      ok(`the audit log matches the hub's copy (${copy.compared} rows compared)`);
      const { verified, unsigned, invalid, firstInvalidSeq } = copy.signatures;
      const counts = `${verified} signed by their person and verified, ${unsigned} made by no signed-in person (unsigned)`;
      if (invalid > 0) {
        bad(
          `${invalid} rows of the hub's copy carry a signature that does not verify (first at row ${firstInvalidSeq}); ${counts}`,
          DOCTOR_EXIT.signatureInvalid,
        );
      } else ok(`every signature in the hub's copy verifies: ${counts}`);
    } else if (copy.kind === 'unreachable') warn(`could not compare the audit log with the hub: ${copy.reason}`);
    else console.log('- not enrolled with a hub: no copy of the audit log to compare');

    // Deleting the anchor's secret from the keychain makes the next open anchor whatever the log is then,
    // which would hide a cut made before it. Only the hub's copy can vouch for such a log.
    if (anchor.state === 'matches' && anchor.renewed) {
      const why = `the anchor's secret was missing from the OS keychain on ${anchor.since} and was made again, so rows removed before then`;
      if (copy.kind === 'matches') warn(`${why} would have shown against the hub's copy, which matches`);
      else if (copy.kind !== 'differs')
        bad(`${why} cannot be found without the hub's copy, which could not be compared`, DOCTOR_EXIT.auditBroken);
    }
    return failures[0] ?? DOCTOR_EXIT.ok;
  } finally {
    store.close();
  }
}

function storeFailureCode(e: unknown): number {
  if (!(e instanceof StoreError)) return DOCTOR_EXIT.storeDoesNotOpen;
  if (e.code === 'keychain_locked') return DOCTOR_EXIT.keychainLocked;
  if (e.code === 'keychain_unavailable') return DOCTOR_EXIT.keychainUnreachable;
  return DOCTOR_EXIT.storeDoesNotOpen;
}
