/** Failures a person can act on; the API turns them into typed errors the renderer shows. */
export class DomainError extends Error {
  constructor(
    readonly code: 'not_found' | 'stale' | 'invalid',
    message: string,
    readonly detail?: Record<string, unknown>,
  ) {
    super(message);
  }
}
