/**
 * The way a warranty claim goes: received → inspecting → (waiting for parts ⇄ repairing) → ready to return →
 * returned, or rejected with a reason before it is returned. Only these steps are offered, and the desk and
 * the hub both refuse any other. Where a claim stands lives in its details (`stage`, the outcome, the parts
 * used, the return's tracking code, a rejection's reason); the inbox status follows: a finished claim is
 * closed, one being worked is open.
 */
import { z } from 'zod';
import type { Status } from '../vocabulary/submissions.ts';
import { line, text } from '../text/schemas.ts';

export const WARRANTY_STAGES = ['received', 'inspecting', 'waiting_parts', 'repairing', 'ready_to_return', 'returned', 'rejected'] as const;
export type WarrantyStage = (typeof WARRANTY_STAGES)[number];
/** What was done for the customer. */
export const OUTCOMES = ['repair', 'replace', 'refund'] as const;

export const NEXT_STAGES: Record<WarrantyStage, readonly WarrantyStage[]> = {
  received: ['inspecting', 'rejected'],
  inspecting: ['waiting_parts', 'repairing', 'ready_to_return', 'rejected'],
  waiting_parts: ['repairing', 'rejected'],
  repairing: ['waiting_parts', 'ready_to_return'],
  ready_to_return: ['returned'],
  returned: [],
  rejected: [],
};

export const WarrantyStep = z
  .object({
    to: z.enum(WARRANTY_STAGES),
    /** Required when the claim is ready to return: what was done. */
    outcome: z.enum(OUTCOMES).optional(),
    parts: z.array(line(200)).max(50).optional(),
    tracking: line(100).optional(),
    /** Required for a rejection: the customer is told it. */
    reason: text(2000).optional(),
  })
  .strict()
  .refine((s) => s.to !== 'rejected' || s.reason !== undefined, { message: 'a rejection needs its reason', path: ['reason'] })
  .refine((s) => s.to !== 'ready_to_return' || s.outcome !== undefined, {
    message: 'say what was done (repair, replace or refund) before the claim is ready to return',
    path: ['outcome'],
  });
export type WarrantyStep = z.infer<typeof WarrantyStep>;

/** The inbox status of a claim at a stage: closed once nothing follows, open while it is worked. */
export const statusAt = (stage: WarrantyStage): Status => (NEXT_STAGES[stage].length === 0 ? 'closed' : 'open');

export const stageOf = (details: Record<string, unknown>): WarrantyStage =>
  (WARRANTY_STAGES as readonly unknown[]).includes(details.stage) ? (details.stage as WarrantyStage) : 'received';

/**
 * Why a claim may not be put in `to` by hand (a status change, alone or in bulk), or null when it may. The
 * steps close a claim (returned, rejected) and a finished claim stays closed; while it is worked it may wait
 * on the customer, which stops its service clock, and be open again.
 */
export function statusRefusal(details: Record<string, unknown>, to: Status): string | null {
  const stage = stageOf(details);
  if (NEXT_STAGES[stage].length === 0) return to === 'closed' ? null : `the claim is ${stage}: a finished claim stays closed`;
  return to === 'closed' ? `a claim is closed by its steps (returned or rejected); this one is ${stage}` : null;
}

/**
 * A step applied to a claim's details: the refusal's reason if the step is not allowed from where the claim
 * stands, else the details to merge and the status the claim takes.
 */
export function takeStep(
  details: Record<string, unknown>,
  step: WarrantyStep,
): { refused: string } | { from: WarrantyStage; patch: Record<string, unknown>; status: Status } {
  const from = stageOf(details);
  if (!NEXT_STAGES[from].includes(step.to)) return { refused: `a claim cannot go from ${from} to ${step.to}` };
  const patch: Record<string, unknown> = { stage: step.to };
  if (step.outcome) patch.outcome = step.outcome;
  if (step.parts) patch.parts = step.parts;
  if (step.tracking) patch.tracking = step.tracking;
  if (step.reason) patch.rejectReason = step.reason;
  if (step.to === 'rejected') patch.outcome = 'reject';
  return { from, patch, status: statusAt(step.to) };
}
