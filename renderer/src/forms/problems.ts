/**
 * Why a value is refused, in the person's words: from the schema's own issue (the same schema the API and the
 * hub check it with), never from its English message. Each form says what its own formats and refinements
 * mean; the rest reads alike everywhere.
 */
import type { TFunction } from 'i18next';
import type { z } from 'zod';

export type Issue = z.core.$ZodIssue;

export function issueText(t: TFunction, issue: Issue | undefined, own: { format?: string; custom?: string } = {}): string {
  switch (issue?.code) {
    case 'too_small':
      return t('edit.required');
    case 'too_big':
      return t('edit.tooLong', { max: Number(issue.maximum) });
    case 'invalid_format':
      return own.format ?? t('edit.invalid');
    case 'custom':
      // The text rules' refinements refuse line breaks, control and bidirectional characters.
      return own.custom ?? t('edit.oneLine');
    default:
      return t('edit.invalid');
  }
}

/** The first issue of each top-level field, by field name. */
export function issuesByField(issues: readonly Issue[]): Record<string, Issue> {
  const found: Record<string, Issue> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    found[field] ??= issue;
  }
  return found;
}
