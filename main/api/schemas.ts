/** Building blocks of the contract's schemas. */
import { z } from 'zod';
import { MAX_DATE_MS } from '../../common/protocol/time.ts';
import { line, text, wellFormed } from '../../common/text/schemas.ts';
import { INBOXES, ROLES } from '../../common/roles.ts';

import { Id } from '../../common/ids.ts';

export { Id };

/** Free text a person writes (notes, replies). */
export const Text = text;

/** One line a person types (a name). */
export const Line = line;

/**
 * Any other string the renderer sends (a search, a URL, a code): bounded and well-formed, so two different
 * inputs never become the same one on their way to the store or the hub.
 */
export const Str = wellFormed;

export { Username } from '../../common/protocol/directory.ts';

// Well-formed too: an unpaired surrogate is hashed as U+FFFD, so two different passwords would both open the account.
export const Password = wellFormed(1024).min(1, 'must not be empty');

/** Milliseconds since 1970, within what a JS Date (and so the renderer) can show. */
export const Timestamp = z.number().int().nonnegative().max(MAX_DATE_MS);

export const PersonOut = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  grants: z.array(z.enum(INBOXES)),
  mustChangePassword: z.boolean().optional(),
});

export const Empty = z.object({}).strict();
export const Ok = z.object({ ok: z.literal(true) });
