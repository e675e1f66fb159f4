/** The API's errors: what the core throws, mapped onto the contract's codes; and what of an error may be logged. */
import { AuthError } from '../core/security/staff.ts';
import { DomainError } from '../core/domain/errors.ts';
import type { ErrorCode, WireError } from './contract.ts';

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** Maps what the core throws onto the contract's error codes; anything unexpected is 'internal' and says nothing more. */
export function toWireError(e: unknown): WireError {
  if (e instanceof ApiError) return { code: e.code, message: e.message, ...(e.detail && { detail: e.detail }) };
  if (e instanceof DomainError)
    return { code: e.code === 'invalid' ? 'invalid_input' : e.code, message: e.message, ...(e.detail && { detail: e.detail }) };
  if (e instanceof AuthError) {
    return { code: e.code, message: e.message, ...(e.lockedUntil !== undefined && { detail: { lockedUntil: e.lockedUntil } }) };
  }
  return { code: 'internal', message: 'internal error' };
}
