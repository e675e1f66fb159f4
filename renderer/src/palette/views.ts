/**
 * The signed-in person's saved views (views.list, passive: reading it after a background sync does not keep an
 * idle session unlocked), and how filters compare, so the inbox can mark the view it is showing.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../../main/api/contract.ts';
import { call } from '../api/client.ts';
import { useAfterSync } from '../api/desk-status.tsx';
import type { Filters } from '../inbox/kinds.ts';

export type SavedView = Output<'views.list'>[number];

/** The filters as a view keeps them: only what is set, the sort always. */
export const viewFilters = (f: Filters): Filters => ({
  ...(f.status ? { status: f.status } : {}),
  ...(f.assignee ? { assignee: f.assignee } : {}),
  ...(f.tag ? { tag: f.tag } : {}),
  ...(f.text?.trim() ? { text: f.text.trim() } : {}),
  sort: f.sort ?? 'newest',
});

export const sameFilters = (a: Filters, b: Filters): boolean => {
  const x = viewFilters(a);
  const y = viewFilters(b);
  return x.status === y.status && x.assignee === y.assignee && x.tag === y.tag && x.text === y.text && x.sort === y.sort;
};

const nothing = () => {};

/**
 * The views, read on mount, after each sync (their counts move) unless `followSyncs` is false (for a screen that
 * shows no count), and when `reread` is called; null until read.
 */
export function useSavedViews(report: (e: unknown) => void, followSyncs = true): { views: SavedView[] | null; reread: () => void } {
  const [views, setViews] = useState<SavedView[] | null>(null);
  const reread = useCallback(() => {
    call('views.list', {}).then(setViews, report);
  }, [report]);
  useEffect(reread, [reread]);
  useAfterSync(followSyncs ? reread : nothing);
  return { views, reread };
}
