/**
 * The inbox's saved views, above its list: each of the person's views of this inbox with what it holds now (read
 * again after each sync), the one matching the filters in force marked; "Lưu chế độ xem" names the filters in
 * force as a view. A view is renamed or deleted (after a confirmation) from its ⋯ button.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client.ts';
import { useReport } from '../components/Notices.tsx';
import type { Filters, InboxKind } from '../inbox/kinds.ts';
import { SaveViewForm } from './SaveViewForm.tsx';
import { sameFilters, useSavedViews, viewFilters, type SavedView } from './views.ts';
import './palette.css';

type Editing = { id: string; mode: 'menu' | 'rename' | 'delete' } | { id: null; mode: 'save' } | null;

export function SavedViews({ kind, filters, onOpen }: { kind: InboxKind; filters: Filters; onOpen: (filters: Filters) => void }) {
  const { t } = useTranslation();
  const report = useReport();
  const { views, reread } = useSavedViews(report);
  const [editing, setEditing] = useState<Editing>(null);
  const [said, setSaid] = useState('');
  const saveRef = useRef<HTMLButtonElement>(null);
  const mine = (views ?? []).filter((v) => v.kind === kind);
  const open = editing?.id ? mine.find((v) => v.id === editing.id) : undefined;
  // A form that closes gives the keyboard back to the button that opened it.
  const done = (focus: () => void, message = '') => {
    setEditing(null);
    setSaid(message);
    reread();
    setTimeout(focus);
  };
  const nameOf = (id: string) => views?.find((v) => v.id === id)?.name;
  const focusMore = (id: string) => () => document.querySelector<HTMLElement>(`[data-view-more="${id}"]`)?.focus();
  const remove = async (view: SavedView) => {
    try {
      await call('views.delete', { id: view.id });
      done(() => saveRef.current?.focus());
    } catch (e) {
      report(e);
    }
  };

  return (
    <section className="saved-views" aria-label={t('palette.views.heading')} data-testid="saved-views">
      <ul className="view-chips">
        {mine.map((v) => (
          <li key={v.id} className="view-chip-item">
            <button
              type="button"
              className="view-chip"
              aria-current={sameFilters(v.filters, filters)}
              onClick={() => onOpen(viewFilters(v.filters))}
              data-testid="view-chip"
            >
              <bdi>{v.name}</bdi>
              {v.count && (
                <span className="view-count" data-testid="view-count">
                  {t(`palette.views.${v.count.exact ? 'count' : 'countMore'}`, { count: v.count.n })}
                </span>
              )}
            </button>
            <button
              type="button"
              className="ghost view-more"
              data-view-more={v.id}
              aria-label={t('palette.views.manage', { name: v.name })}
              aria-expanded={editing?.id === v.id}
              onClick={() => setEditing(editing?.id === v.id ? null : { id: v.id, mode: 'menu' })}
            >
              ⋯
            </button>
          </li>
        ))}
        <li>
          <button
            ref={saveRef}
            type="button"
            className="link view-save"
            aria-expanded={editing?.mode === 'save'}
            onClick={() => setEditing({ id: null, mode: 'save' })}
          >
            {t('palette.views.save')}
          </button>
        </li>
      </ul>
      {editing?.mode === 'save' && (
        <SaveViewForm
          kind={kind}
          filters={viewFilters(filters)}
          nameOf={nameOf}
          onSaved={(name) => done(() => saveRef.current?.focus(), t('palette.views.saved', { name }))}
          onCancel={() => done(() => saveRef.current?.focus())}
        />
      )}
      {open && editing?.mode === 'menu' && (
        <div className="view-actions" data-testid="view-actions">
          <button type="button" autoFocus onClick={() => setEditing({ id: open.id, mode: 'rename' })}>
            {t('palette.views.rename')}
          </button>
          <button type="button" onClick={() => setEditing({ id: open.id, mode: 'delete' })}>
            {t('palette.views.delete')}
          </button>
        </div>
      )}
      {open && editing?.mode === 'rename' && (
        <SaveViewForm
          kind={open.kind}
          filters={viewFilters(open.filters)}
          view={open}
          nameOf={nameOf}
          onSaved={(name) => done(focusMore(open.id), t('palette.views.saved', { name }))}
          onCancel={() => done(focusMore(open.id))}
        />
      )}
      {open && editing?.mode === 'delete' && (
        <div className="view-actions" role="alertdialog" aria-label={t('palette.views.delete')} data-testid="view-delete">
          <span>{t('palette.views.confirmDelete', { name: open.name })}</span>
          <button type="button" className="danger" autoFocus onClick={() => void remove(open)}>
            {t('palette.views.confirmButton')}
          </button>
          <button type="button" onClick={() => done(focusMore(open.id))}>
            {t('palette.views.cancel')}
          </button>
        </div>
      )}
      <div className="visually-hidden" role="status">
        {said}
      </div>
    </section>
  );
}
