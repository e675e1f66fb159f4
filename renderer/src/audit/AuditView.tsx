/**
 * Directors' view of the audit log, newest first, with a check of the whole hash chain and, per row, whether
 * the hub found its signature to be its person's when the row was copied there. Text someone else
 * wrote (an actor's name, a typed username, details) sits in <bdi>, so no bidi character in it can reorder
 * the rest of its row.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../main/api/contract.ts';
import { call } from '../api/client.ts';
import { useReport } from '../components/Notices.tsx';
import { formatDateTime } from '../format/dates.ts';

type Row = Output<'audit.list'>[number];
const PAGE = 100;

export function AuditView() {
  const { t } = useTranslation();
  const report = useReport();
  const [rows, setRows] = useState<Row[]>([]);
  const [more, setMore] = useState(true);
  const [verdict, setVerdict] = useState<Output<'audit.verify'> | null>(null);

  const load = useCallback(
    (beforeSeq?: number) =>
      call('audit.list', { beforeSeq, limit: PAGE }).then((page) => {
        setRows((r) => (beforeSeq ? [...r, ...page] : page));
        setMore(page.length === PAGE);
      }, report),
    [report],
  );
  useEffect(() => void load(), [load]);

  return (
    <section className="pane audit" aria-label={t('audit.title')}>
      <div className="audit-head">
        <h2>{t('audit.title')}</h2>
        <button type="button" className="primary" onClick={() => call('audit.verify', {}).then(setVerdict, report)}>
          {t('audit.verify')}
        </button>
      </div>
      {verdict && (
        <p role="status" className={verdict.intact ? 'ok' : 'form-error'}>
          {verdict.intact
            ? t('audit.intact', { rows: verdict.rows })
            : t('audit.broken', { seq: verdict.brokenAtSeq, reason: verdict.reason })}
        </p>
      )}
      <table className="audit-table">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('audit.time')}</th>
            <th>{t('audit.actor')}</th>
            <th>{t('audit.action')}</th>
            <th>{t('audit.target')}</th>
            <th>{t('audit.signature')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.seq}>
              <td>{r.seq}</td>
              <td>{formatDateTime(r.at)}</td>
              <td>
                <bdi>{r.actorName}</bdi>
                {r.actorRole && <span className="muted"> · {t(`roles.${r.actorRole}`, { defaultValue: r.actorRole })}</span>}
              </td>
              <td>
                <code>{r.action}</code>
                {Object.keys(r.detail).length > 0 && (
                  <span className="muted">
                    {' '}
                    <bdi>{JSON.stringify(r.detail)}</bdi>
                  </span>
                )}
              </td>
              <td className="muted">{r.targetType ? <bdi>{`${r.targetType} ${r.targetId?.slice(-8) ?? ''}`}</bdi> : ''}</td>
              <td className={`signature ${r.hubSignature ?? 'pending'}`}>{t(`audit.signatures.${r.hubSignature ?? 'pending'}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {more && rows.length > 0 && (
        <button type="button" onClick={() => void load(rows[rows.length - 1]!.seq)}>
          {t('audit.more')}
        </button>
      )}
    </section>
  );
}
