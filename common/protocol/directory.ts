/**
 * The organisation's staff directory as it travels: a desk's own accounts joining it at enrollment, and the
 * directory's rows replicated to every desk by pull, password hashes included, so people sign in on any desk,
 * offline too. The hub's copy is the one that counts; docs/sync-protocol.md describes it in words.
 */
import { z } from 'zod';
import { Id } from '../ids.ts';
import { INBOXES, ROLES } from '../roles.ts';
import { line, wellFormed } from '../text/schemas.ts';
import { SigningKey, WrappedKey } from './signing.ts';

/** A sign-in name: the same on every desk, compared without regard to case. */
export const Username = z
  .string()
  .trim()
  .min(3, 'must have at least 3 characters')
  .max(64, 'must be at most 64 characters')
  .regex(/^[a-zA-Z0-9._-]+$/, 'may use only letters without marks, digits, dot, dash and underscore');

export const DISPLAY_NAME_MAX = 100;

/** An argon2id hash in its PHC string form: what a desk checks a typed password against. */
const PasswordHash = wellFormed(200).regex(/^\$argon2id\$[A-Za-z0-9$=,+/]+$/, 'must be an argon2id hash');

const Grants = z
  .array(z.enum(INBOXES))
  .max(INBOXES.length)
  .refine((g) => new Set(g).size === g.length, 'must not name an inbox twice');

/** A directory row as the hub's pull sends it (PostgreSQL's to_jsonb of the staff table). */
export const StaffRow = z.object({
  id: Id,
  username: Username,
  display_name: wellFormed(DISPLAY_NAME_MAX).min(1),
  role: z.enum(ROLES),
  grants: Grants,
  password_hash: PasswordHash,
  active: z.boolean(),
  must_change_password: z.boolean(),
  version: z.number().int().positive(),
  // The person's current signing key (null for an account from before keys, until its person next signs in).
  key_id: Id.nullable(),
  public_key: SigningKey.shape.publicKey.nullable(),
  wrapped_key: WrappedKey.nullable(),
  created_at: z
    .string()
    .max(40)
    .refine((t) => !Number.isNaN(Date.parse(t)), 'must be a date and time'),
});
export type StaffRow = z.infer<typeof StaffRow>;

/** A directory account as a director's change sends it to the hub (`staff.upsert`): the whole account. */
export const StaffAccount = z
  .object({
    username: Username,
    // Names made before display names had to be one line are kept as they are.
    displayName: wellFormed(DISPLAY_NAME_MAX).min(1),
    role: z.enum(ROLES),
    grants: Grants,
    passwordHash: PasswordHash,
    active: z.boolean(),
    mustChangePassword: z.boolean(),
    // A new key pair (a new person, or a reset: the old public key stays on the hub), or null to keep the current one.
    key: SigningKey.nullable(),
  })
  .strict();
export type StaffAccount = z.infer<typeof StaffAccount>;

/**
 * One account a standalone desk brings into the directory when it enrolls: the account under the id the desk
 * gave it (what it did there names that id). Its password is the person's own, never a one-time one.
 */
export const JoiningStaff = StaffAccount.omit({ mustChangePassword: true }).extend({ id: Id }).strict();
export type JoiningStaff = z.infer<typeof JoiningStaff>;

/** A desk's seat list as its own pull brings it: the people who may sign in there. */
export const SeatsRow = z.object({ id: Id, staff_ids: z.array(Id).max(10_000).nullable() });
export type SeatsRow = z.infer<typeof SeatsRow>;

/** Who holds a username a joining desk brings (the hub's 409 `username_taken` at enrollment), so the desk can say it in its own words. */
export const UsernameClash = z.object({
  username: z.string(),
  joining: z.object({ displayName: z.string(), role: z.enum(ROLES) }),
  holder: z.object({ displayName: z.string(), role: z.enum(ROLES) }),
});
export type UsernameClash = z.infer<typeof UsernameClash>;

/** A new director's display name: one line, as the first-run screen and `init` ask for it. */
export const DisplayName = line(DISPLAY_NAME_MAX);
