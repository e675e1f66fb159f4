/**
 * Two records of one customer compared before they are merged (directors): which one stays (the target: the
 * one with a username, else the older, suggested; "Đổi chiều" swaps), and field by field (masked) what the one
 * that stays holds, what the one merged in holds, and what the merge makes, with a choice per field that asks
 * the desk again. A username and a gender never change; what moves is counted. A merge the rules refuse says
 * why in the person's language, and cannot be sent. "Gộp" asks first, then queues the merge for the hub.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client.ts';
import { messageFor } from '../components/Notices.tsx';
import { formatDate } from '../format/dates.ts';
import { suggestedTarget, type DuplicateCustomer, type MergeChoice, type MergePreview as Preview, type ProfileField } from './vocab.ts';

/** Masked phones and emails read as codes (as on the customer's page). */
const CODE_LIKE: ReadonlySet<ProfileField> = new Set(['phone', 'email']);

export function MergePreview({ pair }: { pair: [DuplicateCustomer, DuplicateCustomer] }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState(() => suggestedTarget(pair[0], pair[1]));
  const source = target.id === pair[0].id ? pair[1] : pair[0];
  const [choose, setChoose] = useState<MergeChoice>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const [loading, setLoading] = useState(true);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [queued, setQueued] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = useRef<HTMLButtonElement>(null);

  // Asked again for each choice and each swap; the last one asked wins over one still answering.
  useEffect(() => {
    let live = true;
    setLoading(true);
    call('customers.mergePreview', { sourceId: source.id, targetId: target.id, choose }).then(
      (p) => {
        if (!live) return;
        setPreview(p);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError(messageFor(e, t));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [source.id, target.id, choose, t]);
  useEffect(() => {
    if (asking) confirm.current?.focus();
  }, [asking]);

  const who = (c: DuplicateCustomer) => `${c.name} (${c.username ?? t('customers.duplicates.guestShort')})`;
  const swap = () => {
    setTarget(source);
    setChoose({});
    setAsking(false);
    setError(null);
  };
  const merge = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('customers.merge', { sourceId: source.id, targetId: target.id, choose });
      setQueued(true);
      setAsking(false);
    } catch (e) {
      setError(messageFor(e, t));
    }
    setBusy(false);
  };

  const refused = preview?.refused ?? null;
  const frozen = queued || busy;
  return (
    <article
      className="merge-preview"
      aria-labelledby="merge-title"
      data-testid="merge-preview"
      data-state={loading ? 'loading' : 'ready'}
      data-target-id={target.id}
      data-source-id={source.id}
    >
      <h3 id="merge-title">{t('customers.merge.title')}</h3>
      <div className="merge-sides">
        <Side label={t('customers.merge.stays')} c={target} kind="target" />
        <button type="button" className="merge-swap" onClick={swap} disabled={frozen} aria-label={t('customers.merge.swapLabel')}>
          ⇄ {t('customers.merge.swap')}
        </button>
        <Side label={t('customers.merge.goes')} c={source} kind="source" />
      </div>
      <p className="muted small">{t('customers.merge.suggested')}</p>
      <table className="audit-table merge-fields" aria-label={t('customers.merge.fieldsLabel')} aria-busy={loading}>
        <thead>
          <tr>
            <th scope="col">{t('customers.merge.field')}</th>
            <th scope="col">{t('customers.merge.target')}</th>
            <th scope="col">{t('customers.merge.source')}</th>
            <th scope="col">{t('customers.merge.result')}</th>
          </tr>
        </thead>
        <tbody>
          {preview?.fields.map((f) => {
            const name = t(`customer.${f.field}`);
            const choice = choose[f.field] ?? 'target';
            const code = CODE_LIKE.has(f.field) ? 'mono' : '';
            return (
              <tr key={f.field} data-testid={`merge-field-${f.field}`} data-choice={f.choice}>
                <th scope="row">{name}</th>
                {(['target', 'source'] as const).map((side) => (
                  <td key={side}>
                    <label className="merge-choice">
                      <input
                        type="radio"
                        name={`merge-${f.field}`}
                        value={side}
                        checked={choice === side}
                        disabled={frozen}
                        onChange={() => setChoose((c) => ({ ...c, [f.field]: side }))}
                        aria-label={t(side === 'target' ? 'customers.merge.takeTarget' : 'customers.merge.takeSource', { field: name })}
                      />
                      <span className={f[side] === null ? 'muted' : code}>{f[side] ?? t('customer.none')}</span>
                    </label>
                  </td>
                ))}
                <td data-testid="merge-result">
                  <strong className={f.result === null ? 'muted' : code}>{f.result ?? t('customer.none')}</strong>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {preview && (
        <>
          <p className="small" data-testid="merge-fixed">
            {t('customers.merge.fixed', {
              username: preview.username ?? t('customer.none'),
              gender: preview.gender ? t(`customer.${preview.gender}`) : t('customer.none'),
            })}
          </p>
          <p className="small" data-testid="merge-moves">
            {t('customers.merge.moves', preview.moves)}
          </p>
        </>
      )}
      {refused !== null && (
        <p className="form-error merge-refused" role="alert" data-testid="merge-refused">
          <strong>{t('customers.merge.refusedTitle')}</strong> {t(`customers.merge.refused.${refused}`)}
        </p>
      )}
      {error && (
        <p className="form-error small" role="alert" data-testid="merge-error">
          {error}
        </p>
      )}
      {asking ? (
        <div
          role="alertdialog"
          aria-labelledby="merge-question"
          aria-describedby="merge-what"
          className="bulk-confirm"
          data-testid="merge-confirm"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setAsking(false);
            }
          }}
        >
          <p id="merge-question">{t('customers.merge.ask', { source: who(source), target: who(target) })}</p>
          <span id="merge-what" className="small">
            {t('customers.merge.what')}
          </span>
          <button ref={confirm} type="button" className="primary" disabled={busy} onClick={() => void merge()}>
            {t('customers.merge.confirm')}
          </button>
          <button type="button" disabled={busy} onClick={() => setAsking(false)}>
            {t('customers.cancel')}
          </button>
        </div>
      ) : (
        !queued && (
          <div className="merge-actions">
            <button
              type="button"
              className="primary"
              disabled={loading || preview === null || refused !== null}
              onClick={() => setAsking(true)}
              data-testid="merge-go"
            >
              {t('customers.merge.merge')}
            </button>
          </div>
        )
      )}
      <div role="status" className="ok small" data-testid="merge-said">
        {queued ? t('customers.merge.queued') : ''}
      </div>
    </article>
  );
}

function Side({ label, c, kind }: { label: string; c: DuplicateCustomer; kind: 'target' | 'source' }) {
  const { t } = useTranslation();
  return (
    <div className={`merge-side merge-${kind}`} data-testid={`merge-${kind}`} data-id={c.id}>
      <span className={`badge merge-side-label merge-side-${kind}`}>{label}</span>
      <strong>{c.name}</strong>
      <span className="small">
        {c.username ? t('customers.duplicates.username', { username: c.username }) : t('customers.duplicates.guest')}
      </span>
      <span className="muted small">
        {t('customers.since', { date: formatDate(c.since) })} · {t('customers.duplicates.submissions', { count: c.submissions })}
      </span>
    </div>
  );
}
