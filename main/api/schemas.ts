/** Building blocks of the contract's schemas. */
import { z } from 'zod';
import { text } from '../../common/text/schemas.ts';
import { INBOXES, ROLES } from '../../common/roles.ts';

import { Id } from '../../common/ids.ts';

export { Id };

/** Free text a person writes (notes, replies). */
export const Text = text;

export const Username = z
  .string()
  .trim()
  .min(3, 'must have at least 3 characters')
  .max(64, 'must be at most 64 characters')
  .regex(/^[a-zA-Z0-9._-]+$/, 'may use only letters without marks, digits, dot, dash and underscore');

export const Password = z.string().min(1, 'must not be empty').max(1024, 'must be at most 1024 characters');

export const Timestamp = z.number().int().nonnegative();

export const PersonOut = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  grants: z.array(z.enum(INBOXES)),
});

export const Empty = z.object({}).strict();
export const Ok = z.object({ ok: z.literal(true) });
