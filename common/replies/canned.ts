/**
 * Canned replies: answers directors write once for the whole organisation, for one inbox or for every inbox,
 * which staff drop into a reply and adjust. A canned reply's body may use the variables below, filled from the
 * submission being answered and the person signing it, the way the warranty emails fill their placeholders
 * (common/text/placeholders.ts). One definition for the desk's API, the renderer's preview, sync and the hub.
 */
import { z } from 'zod';
import { fillPlaceholders, placeholdersIn } from '../text/placeholders.ts';
import { line, text } from '../text/schemas.ts';
import { SUBMISSION_KINDS } from '../vocabulary/submissions.ts';

/**
 * The variables a canned reply may use: how the customer is addressed (Anh, Chị, Quý khách: formOfAddress in
 * common/vocabulary/customers.ts), the customer's name, the submission's reference (submissionReference in
 * common/vocabulary/submissions.ts), and the display name of the staff member signing the reply.
 */
export const CANNED_VARIABLES = ['xung_ho', 'ten_khach', 'ma_yeu_cau', 'nguoi_ky'] as const;
export type CannedVariable = (typeof CANNED_VARIABLES)[number];
export type CannedValues = Record<CannedVariable, string>;

/** Made-up values for a preview, so a director sees a canned reply's shape without anyone's data. */
export const SAMPLE_VALUES: CannedValues = {
  xung_ho: 'Chị',
  ten_khach: 'Nguyễn Thị Mai',
  ma_yeu_cau: 'KN-1A2B3C4D',
  nguoi_ky: 'Trần Minh Đức',
};

export const CANNED_BODY_MAX = 10_000;

/** What a text writes between double braces that is not one of the variables (`{{ten khach}}`, `{{ten_khac}}`). */
export const unknownVariables = (body: string): string[] =>
  placeholdersIn(body).filter((name) => !(CANNED_VARIABLES as readonly string[]).includes(name));

const variablesNamed = CANNED_VARIABLES.map((v) => `{{${v}}}`).join(', ');

export const CannedReplyFields = z
  .object({
    /** How staff find it in the list. */
    title: line(200),
    body: text(CANNED_BODY_MAX).superRefine((body, ctx) => {
      const unknown = unknownVariables(body);
      if (unknown.length === 0) return;
      const named = unknown.map((v) => `{{${v}}}`).join(', ');
      ctx.addIssue({
        code: 'custom',
        message: `${named} ${unknown.length === 1 ? 'is not a variable' : 'are not variables'}; a canned reply may use ${variablesNamed}`,
      });
    }),
    /** The inbox it is for; null: every inbox. */
    kind: z.enum(SUBMISSION_KINDS).nullable(),
    /** An archived one (false) is kept for directors and offered to nobody. */
    active: z.boolean(),
  })
  .strict();
export type CannedReplyFields = z.infer<typeof CannedReplyFields>;

export interface CannedReply extends CannedReplyFields {
  id: string;
  version: number;
  updatedAt: number;
}

/** A canned reply's body with its variables filled in. */
export const fillCanned = (body: string, values: CannedValues): string => fillPlaceholders(body, CANNED_VARIABLES, values);
