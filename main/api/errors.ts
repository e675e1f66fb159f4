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

/**
 * What an unexpected error may put in a log: its class, its code (SQLite's, Node's) and the stack's frames.
 * Never its message, which can quote customer data (a ZodError's values, a SQLite or JSON error citing a row).
 */
export function loggableError(e: unknown): string {
  if (!(e instanceof Error)) return `a thrown ${typeof e}`;
  const code = (e as { code?: unknown }).code;
  const named = typeof code === 'string' && /^[\w.-]{1,64}$/.test(code) ? ` (${code})` : '';
  // V8's stack starts with "Name: message" and a message may span lines: the header is cut off when it
  // is still the message's, and only the trailing run of "at ..." lines is kept in any case.
  const stack = e.stack ?? '';
  const header = String(e);
  const lines = (stack.startsWith(header) ? stack.slice(header.length) : stack).split('\n');
  const firstFrame = lines.findLastIndex((l) => !/^\s+at /.test(l)) + 1;
  const frames = lines.slice(firstFrame);
  return [`${e.constructor.name}${named}`, ...frames].join('\n');
}
