/** Building blocks of the contract's schemas. */
import { z } from 'zod';
import { CONTROL_CHARS } from '../core/text/control-chars.ts';
import { INBOXES, ROLES } from '../core/security/roles.ts';

export const Id = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be an id');


/** Free text a person writes (notes, replies): trimmed, not empty, bounded, no control characters. */
export const Text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !CONTROL_CHARS.test(s), 'must not contain control characters');

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
