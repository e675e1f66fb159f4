/** doctor's comparison of this desk's audit log with the copy the hub holds, and of that copy's signatures. */
import { AuditHashesResponse } from '../../../common/protocol/sync.ts';
import { KEYCHAIN_SERVICE, type Keychain } from '../security/keychain.ts';
import type { Store } from '../store/open.ts';
import { getSetting } from '../store/settings.ts';
import { stmt } from '../store/statements.ts';
import { checkHubUrl } from './hub-url.ts';
import { hubRequest, tokenAccount, URL_KEY } from './hub-link.ts';

export type AuditComparison =
  | { kind: 'not_enrolled' }
  | { kind: 'matches'; compared: number; signatures: SignatureCount }
  | { kind: 'differs'; seq: number }
  | { kind: 'unreachable'; reason: string };

/** The hub's verdicts on the signatures of its copy, and the first row whose signature failed. */
export interface SignatureCount {
  verified: number;
  unsigned: number;
  invalid: number;
  firstInvalidSeq: number | null;
}

/**
 * Compares this desk's audit rows with the copy the hub holds. A desk whose log was rewritten, even with
 * every hash recomputed so that its own chain still verifies, differs from the hub's copy.
 */
export async function compareAuditWithHub(store: Store, keychain: Keychain): Promise<AuditComparison> {
  const url = getSetting(store.db, URL_KEY);
  const token = url ? await keychain.get(KEYCHAIN_SERVICE, tokenAccount(store)) : null;
  if (!url || !token) return { kind: 'not_enrolled' };
  let after = 0;
  let compared = 0;
  const signatures: SignatureCount = { verified: 0, unsigned: 0, invalid: 0, firstInvalidSeq: null };
  try {
    for (;;) {
      const { hashes } = await hubRequest(checkHubUrl(url), token, `/sync/audit/hashes?after=${after}`, AuditHashesResponse);
      if (hashes.length === 0) return { kind: 'matches', compared, signatures };
      for (const h of hashes) {
        const local = stmt(store.db, 'SELECT hash FROM audit_log WHERE seq = ?').get(h.seq) as { hash: string } | undefined;
        if (local?.hash !== h.hash) return { kind: 'differs', seq: h.seq };
        compared++;
        signatures[h.signature]++;
        if (h.signature === 'invalid') signatures.firstInvalidSeq ??= h.seq;
      }
      after = hashes[hashes.length - 1]!.seq;
    }
  } catch (e) {
    return { kind: 'unreachable', reason: e instanceof Error ? e.message : String(e) };
  }
}
