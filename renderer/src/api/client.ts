/** Typed calls to the main process through `window.backdesk`; failures become BackdeskError. */
import type { ErrorCode, Input, MethodName, Output, WireError } from '../../../main/api/contract.ts';

export class BackdeskError extends Error {
  readonly code: ErrorCode;
  readonly detail?: Record<string, unknown>;
  constructor(e: WireError) {
    super(e.message);
    this.code = e.code;
    this.detail = e.detail;
  }
}

type SessionListener = (code: 'unauthenticated' | 'session_locked') => void;
const sessionListeners = new Set<SessionListener>();

/** The app listens here to show the sign-in or lock screen whenever any call finds the session gone or locked. */
export function onSessionLost(listener: SessionListener): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

export async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  const envelope = await window.backdesk!.call(method, input);
  if (envelope.ok) return envelope.result as Output<M>;
  const { code } = envelope.error;
  if (code === 'unauthenticated' || code === 'session_locked') sessionListeners.forEach((l) => l(code));
  throw new BackdeskError(envelope.error);
}
