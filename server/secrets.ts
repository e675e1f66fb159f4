import { createHash, randomBytes } from 'node:crypto';

/** Website keys, device tokens and enrollment codes are 256-bit random values, stored only as SHA-256. */
export const newSecret = (): string => randomBytes(32).toString('base64url');
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');
