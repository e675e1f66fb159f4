/**
 * The desk's link with its hub: where the hub is and how far the desk has synced (settings in the store),
 * the device token (OS keychain only), and one way to call the hub whose answers are parsed with the
 * protocol's schemas. Enrollment, the sync client and doctor's audit comparison all go through here.
 */
import type { z } from 'zod';
import type { UsernameClash } from '../../../common/protocol/directory.ts';
import { HubError } from '../../../common/protocol/sync.ts';
import { keychainAccount, type Store } from '../store/open.ts';

export const URL_KEY = 'hub.url';
export const DEVICE_KEY = 'hub.device_id';
export const CURSOR_KEY = 'sync.cursor';
/** What the desk holds every row of up to its cursor (common/roles.ts `SCOPES`), and a backfill under way: pull-state.ts. */
export const SCOPE_KEY = 'sync.scope';
export const BACKFILL_KEY = 'sync.backfill';
export const AUDIT_CURSOR_KEY = 'sync.audit_cursor';

export const tokenAccount = (store: Store): string => `device:${keychainAccount(store.profile)}`;

export class HubHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** At enrollment, the two people a username clash is between. */
    readonly clash?: UsernameClash,
  ) {
    super(message);
  }
}

/** One call to the hub; the answer is parsed with the protocol's schema, so a malformed one is an error, not a cast. */
export async function hubRequest<S extends z.ZodType>(
  base: URL,
  token: string | null,
  path: string,
  answer: S,
  init: RequestInit = {},
): Promise<z.infer<S>> {
  const headers = { ...init.headers, ...(token && { Authorization: `Bearer ${token}` }), 'Content-Type': 'application/json' };
  const res = await fetch(new URL(path, base), { ...init, headers });
  const body: unknown = await res.json().catch(() => ({}));
  if (!res.ok) {
    const error = HubError.safeParse(body);
    const e = error.data?.error;
    throw new HubHttpError(res.status, e?.code ?? 'error', e?.message ?? `the hub answered ${res.status}`, e?.clash);
  }
  const parsed = answer.safeParse(body);
  if (!parsed.success)
    throw new HubHttpError(
      res.status,
      'bad_answer',
      `the hub's answer to ${new URL(path, base).pathname} does not match the protocol: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`,
    );
  return parsed.data;
}
