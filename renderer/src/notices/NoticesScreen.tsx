/**
 * "Email gửi khách bảo hành": the emails warranty claimants get at each step (notices.templates), for directors —
 * when each is sent, its subject, and whether the default or a director's wording is in force. A director words one
 * in a small form (TemplateForm); the list is read again after a sync brings another desk's wording.
 *
 * Loaded when first opened: the template's schema and the shared render bring zod, which the rest of the renderer
 * does without.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client.ts';
import { useAfterSync } from '../api/desk-status.tsx';
import { useReport } from '../components/Notices.tsx';
import { TemplateForm, type NoticeTemplate } from './TemplateForm.tsx';

export default function NoticesScreen() {
  const { t } = useTranslation();
  const report = useReport();
  const [templates, setTemplates] = useState<NoticeTemplate[] | null>(null);
  /** The email being worded, as it was when opened. */
  const [editing, setEditing] = useState<NoticeTemplate | null>(null);
  /** The email last saved here, said so until another is opened. */
  const [saved, setSaved] = useState<NoticeTemplate['notice'] | null>(null);
  /** Where the keyboard goes back to when the form closes: the button that opened it. */
  const [returnTo, setReturnTo] = useState<NoticeTemplate['notice'] | null>(null);

  const load = useCallback(
    () =>
      call('notices.templates', {}).then(
        (list) => {
          setTemplates(list);
          return list;
        },
        (e: unknown) => {
          report(e);
          return [];
        },
      ),
    [report],
  );
  useEffect(() => void load(), [load]);
  useAfterSync(useCallback(() => void load(), [load]));
  useEffect(() => {
    if (editing || !returnTo) return;
    document.querySelector<HTMLButtonElement>(`[data-edit-notice="${returnTo}"]`)?.focus();
    setReturnTo(null);
  }, [editing, returnTo]);

  const open = (template: NoticeTemplate) => {
    setSaved(null);
    setEditing(template);
  };
  const close = () => {
    setReturnTo(editing?.notice ?? null);
    setEditing(null);
  };
  const name = (notice: NoticeTemplate['notice']) => t(`warrantyEmails.names.${notice}`);
  return (
    <section className="pane staff warranty-emails" aria-label={t('warrantyEmails.title')}>
      <div className="audit-head">
        <h2>{t('warrantyEmails.title')}</h2>
      </div>
      <p className="muted">{t('warrantyEmails.intro')}</p>
      {saved && (
        <p className="ok" role="status" data-testid="notice-saved">
          {t('warrantyEmails.saved', { name: name(saved) })}
        </p>
      )}

      {editing && (
        <TemplateForm
          key={editing.notice}
          template={editing}
          onSaved={() => {
            setSaved(editing.notice);
            close();
            void load();
          }}
          onStale={async () => (await load()).find((n) => n.notice === editing.notice)}
          onClose={close}
        />
      )}

      <table className="audit-table" data-testid="notice-templates">
        <thead>
          <tr>
            <th>{t('warrantyEmails.email')}</th>
            <th>{t('warrantyEmails.sentWhen')}</th>
            <th>{t('warrantyEmails.subject')}</th>
            <th>{t('warrantyEmails.wording')}</th>
            <th>{t('warrantyEmails.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {(templates ?? []).map((n) => (
            <tr key={n.notice} data-testid="notice-row" aria-current={editing?.notice === n.notice || undefined}>
              <td>{name(n.notice)}</td>
              <td>{t(`warrantyEmails.when.${n.notice}`)}</td>
              <td>
                <bdi>{n.subject}</bdi>
              </td>
              <td>{n.version === null ? t('warrantyEmails.default') : t('warrantyEmails.changed', { version: n.version })}</td>
              <td>
                <button
                  type="button"
                  data-edit-notice={n.notice}
                  aria-label={t('warrantyEmails.editLabel', { name: name(n.notice) })}
                  onClick={() => open(n)}
                >
                  {t('warrantyEmails.edit')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
