/**
 * One request, beside the list: its clocks, its history (received, logged, acknowledged, extended, decided, by
 * whom), for a profile change each detail as the store holds it and as the customer asks for it (masked; "Hiện"
 * shows one field in full, an audited call), and what a director may do while it is open: acknowledge it, extend it
 * once (1–15 days, with the reason), complete it where the desk can carry it out, or refuse it with the reason the
 * customer is given. A refusal from the API is said here, beside the buttons.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Output } from '../../../main/api/contract.ts';
import { BackdeskError, call } from '../api/client.ts';
import { messageFor, useReport } from '../components/Notices.tsx';
import { formatDateTime } from '../format/dates.ts';
import { DeliveryBadge } from '../inbox/Timeline.tsx';
import { ackDue, completionDue, isOpen, MAX_EXTENSION_DAYS, VERIFICATION_CODE, type ProfileField } from './clock.ts';

type Detail = Output<'requests.get'>;
type Shown = { current: string | null; requested: string };

/** Masked phones and emails read as codes (as on the customer card); names and addresses keep the text face. */
const CODE_LIKE: ReadonlySet<ProfileField> = new Set(['phone', 'email']);

/** What the API refused, in the desk's words: a request decided or extended elsewhere, one the desk cannot carry out. */
export function requestError(e: unknown, t: TFunction): string {
  if (e instanceof BackdeskError) {
    if (e.code === 'stale') return t(/extended once/.test(e.message) ? 'requests.errors.extendedOnce' : 'requests.errors.decided');
  }
  return messageFor(e, t);
}

type Acting = null | 'extend' | 'reject' | 'complete' | 'verify' | 'code';

export function RequestDetail({
  id,
  now,
  version,
  onChanged,
}: {
  id: string;
  now: number;
  /** Changes when the request should be read again (its row in the list changed after a sync). */
  version: string;
  /** After an action: what to tell the person, for the screen to say and to read its list again. */
  onChanged: (said: string | null) => void;
}) {
  const { t } = useTranslation();
  const report = useReport();
  const [r, setR] = useState<Detail | null>(null);
  const [revealed, setRevealed] = useState<Partial<Record<ProfileField, Shown>>>({});
  const [acting, setActing] = useState<Acting>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [ackEmail, setAckEmail] = useState(true);

  const read = useCallback(() => call('requests.get', { id }).then(setR, report), [id, report]);
  useEffect(() => {
    void read();
  }, [read, version]);

  const act = async (run: () => Promise<unknown>, said: string | null) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await run();
      setActing(null);
      // The screen reads its list again; the request's changed row has it read here (`version`).
      onChanged(said);
    } catch (e) {
      setError(requestError(e, t));
      await read();
    }
    setBusy(false);
  };

  if (!r) return <article className="request-detail" aria-busy="true" />;
  const open = isOpen(r.status);
  // An erasure waits for the requester to be shown to own the account (common/requests/requests.ts Verification).
  const needsVerifying = r.type === 'deletion' && r.verifiedAt === null;
  const ack = ackDue(t, r, now);
  const done = completionDue(t, r, now);
  const reveal = (field: ProfileField) =>
    call('requests.reveal', { id, field }).then(
      (shown) => setRevealed((v) => ({ ...v, [field]: shown })),
      (e: unknown) => setError(requestError(e, t)),
    );

  return (
    <article className="request-detail" aria-labelledby="request-title" data-testid="request-detail" data-status={r.status}>
      <header className="request-detail-head">
        <h3 id="request-title">
          {t(`requests.type.${r.type}`)} — {r.customerName}
        </h3>
        <span className={`badge request-status-${r.status}`} data-testid="request-status">
          {t(`requests.status.${r.status}`)}
        </span>
      </header>
      <dl className="facts">
        <dt>{t('requests.fact.customer')}</dt>
        <dd>{r.customerName}</dd>
        <dt>{t('requests.fact.channel')}</dt>
        <dd>{t(`requests.channel.${r.channel}`)}</dd>
        <dt>{t('requests.fact.received')}</dt>
        <dd>{formatDateTime(r.requestedAt)}</dd>
        <dt>{t('requests.fact.thirdParty')}</dt>
        <dd>{t(r.thirdParty ? 'requests.fact.thirdPartyYes' : 'requests.fact.thirdPartyNo')}</dd>
        <dt>{t('requests.fact.ackDue')}</dt>
        <dd className={ack.late ? 'due late' : 'due'} data-testid="detail-ack">
          {r.clock.ackDueAt !== null && `${formatDateTime(r.clock.ackDueAt)} · `}
          {ack.late && <span aria-hidden="true">⚠ </span>}
          {ack.text}
          {ack.late && r.status !== 'pending' && ` (${t('requests.clock.ackWasLate')})`}
        </dd>
        <dt>{t('requests.fact.completionDue')}</dt>
        <dd className={done.late ? 'due late' : 'due'} data-testid="detail-completion">
          {formatDateTime(r.clock.completionDueAt)} · {done.late && <span aria-hidden="true">⚠ </span>}
          {done.text}
        </dd>
        <dt>{t('requests.fact.extension')}</dt>
        <dd data-testid="detail-extension">
          {r.extensionDays === null ? t('requests.fact.notExtended') : t('requests.extendedShort', { count: r.extensionDays })}
        </dd>
      </dl>
      {r.reason && (
        <section className="request-words">
          <h4>{t('requests.fact.reason')}</h4>
          <p className="body">{r.reason}</p>
        </section>
      )}
      {r.note && (
        <section className="request-words">
          <h4>{t('requests.fact.note')}</h4>
          <p className="body">{r.note}</p>
        </section>
      )}
      {r.type === 'profile_change' && (
        <section className="request-changes" aria-labelledby="request-changes-title">
          <h4 id="request-changes-title">{t('requests.changes.title')}</h4>
          <table className="audit-table" data-testid="request-changes">
            <thead>
              <tr>
                <th scope="col">{t('requests.changes.field')}</th>
                <th scope="col">{t('requests.changes.current')}</th>
                <th scope="col">{t('requests.changes.requested')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('requests.changes.reveal')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {r.changes.map((c) => {
                const full = revealed[c.field];
                const look = full ? 'revealed' : CODE_LIKE.has(c.field) ? 'masked mono' : 'masked';
                return (
                  <tr key={c.field} data-testid={`change-${c.field}`}>
                    <th scope="row">{t(`customer.${c.field}`)}</th>
                    <td className={look} data-testid="change-current">
                      {(full ? full.current : c.current) ?? t('customer.none')}
                    </td>
                    <td className={look} data-testid="change-requested">
                      {full ? full.requested : c.requested}
                    </td>
                    <td>
                      {!full && (
                        <button
                          type="button"
                          className="link"
                          aria-label={t('customer.revealLabel', { field: t(`customer.${c.field}`) })}
                          onClick={() => void reveal(c.field)}
                        >
                          {t('customer.reveal')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="muted small">{t('requests.changes.fixed')}</p>
          <p className="muted small">{t('customer.auditNote')}</p>
        </section>
      )}
      <section aria-labelledby="request-history-title">
        <h4 id="request-history-title">{t('requests.history.title')}</h4>
        <ol className="request-history" data-testid="request-history">
          <li>
            {t('requests.history.received', { how: t(`requests.history.how.${r.channel}`), time: formatDateTime(r.requestedAt) })}
            {r.loggedBy && ` — ${t('requests.history.loggedBy', { by: r.loggedBy })}`}
          </li>
          {r.acknowledgedBy && r.acknowledgedAt !== null && (
            <li>{t('requests.history.acknowledged', { by: r.acknowledgedBy, time: formatDateTime(r.acknowledgedAt) })}</li>
          )}
          {r.extensionDays !== null && (
            <li>
              {t('requests.history.extended', {
                by: r.extendedBy ?? '—',
                count: r.extensionDays,
                time: r.extendedAt === null ? '—' : formatDateTime(r.extendedAt),
                reason: r.extensionReason ?? '',
              })}
            </li>
          )}
          {r.mails.map((m) => (
            <li key={m.id} data-testid="request-mail" data-what={m.what}>
              {t('requests.history.mail', { what: t(`requests.letters.${m.what}`), time: formatDateTime(m.at) })}{' '}
              <DeliveryBadge delivery={m.delivery} />
            </li>
          ))}
          {r.verifiedBy && r.verifiedAt !== null && (
            <li>{t('requests.history.verified', { by: r.verifiedBy, time: formatDateTime(r.verifiedAt), how: r.verification ?? '' })}</li>
          )}
          {r.decidedBy && r.decidedAt !== null && (
            <li>
              {r.status === 'rejected'
                ? t('requests.history.rejected', { by: r.decidedBy, time: formatDateTime(r.decidedAt), reason: r.decisionReason ?? '' })
                : t('requests.history.completed', { by: r.decidedBy, time: formatDateTime(r.decidedAt) })}
            </li>
          )}
        </ol>
      </section>
      {open && (
        <section className="request-actions" aria-label={t('requests.actions.title')}>
          <div className="actions">
            {r.status === 'pending' && (
              <>
                <button
                  type="button"
                  className="primary"
                  disabled={busy}
                  onClick={() =>
                    void act(() => call('requests.acknowledge', { id, email: ackEmail }), t('requests.actions.acknowledgedNotice'))
                  }
                >
                  {t('requests.actions.acknowledge')}
                </button>
                <label className="inline small">
                  <input type="checkbox" checked={ackEmail} onChange={(e) => setAckEmail(e.target.checked)} data-testid="ack-email" />
                  {t('requests.actions.ackEmail')}
                </label>
              </>
            )}
            <button
              type="button"
              disabled={busy || r.extensionDays !== null}
              aria-expanded={acting === 'extend'}
              title={r.extensionDays !== null ? t('requests.actions.extendedOnce') : undefined}
              onClick={() => setActing(acting === 'extend' ? null : 'extend')}
            >
              {t('requests.actions.extend')}
            </button>
            {needsVerifying && (
              <>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => void act(() => call('requests.sendCode', { id }), t('requests.actions.codeSentNotice'))}
                >
                  {t('requests.actions.sendCode')}
                </button>
                <button
                  type="button"
                  className="primary"
                  disabled={busy}
                  aria-expanded={acting === 'code'}
                  onClick={() => setActing(acting === 'code' ? null : 'code')}
                >
                  {t('requests.actions.enterCode')}
                </button>
                <button
                  type="button"
                  disabled={busy}
                  aria-expanded={acting === 'verify'}
                  onClick={() => setActing(acting === 'verify' ? null : 'verify')}
                >
                  {t('requests.actions.verify')}
                </button>
              </>
            )}
            <button
              type="button"
              disabled={busy || needsVerifying}
              title={needsVerifying ? t('requests.verifyFirst') : undefined}
              onClick={() => setActing('complete')}
            >
              {t('requests.actions.complete')}
            </button>
            <button
              type="button"
              disabled={busy}
              aria-expanded={acting === 'reject'}
              onClick={() => setActing(acting === 'reject' ? null : 'reject')}
            >
              {t('requests.actions.reject')}
            </button>
          </div>
          {r.extensionDays !== null && <p className="muted small">{t('requests.actions.extendedOnce')}</p>}
          {needsVerifying && <p className="muted small">{t('requests.verifyFirst')}</p>}
          {acting === 'code' && (
            <ReasonForm
              words="code"
              busy={busy}
              onCancel={() => setActing(null)}
              onSave={(code) =>
                void act(
                  () => call('requests.verify', { id, verification: { method: 'email_code', code } }),
                  t('requests.actions.codeEnteredNotice'),
                )
              }
            />
          )}
          {acting === 'verify' && (
            <ReasonForm
              words="verify"
              busy={busy}
              onCancel={() => setActing(null)}
              onSave={(how) =>
                void act(
                  () => call('requests.verify', { id, verification: { method: 'documented', how } }),
                  t('requests.actions.verifiedNotice'),
                )
              }
            />
          )}
          {acting === 'extend' && (
            <ExtendForm
              busy={busy}
              onCancel={() => setActing(null)}
              onSave={(days, reason) =>
                void act(
                  () => call('requests.extend', { id, extension: { days, reason } }),
                  t('requests.actions.extendedNotice', { count: days }),
                )
              }
            />
          )}
          {acting === 'reject' && (
            <ReasonForm
              words="reject"
              busy={busy}
              onCancel={() => setActing(null)}
              onSave={(reason) =>
                void act(
                  () => call('requests.decide', { id, decision: { outcome: 'rejected', reason } }),
                  t('requests.actions.rejectedNotice'),
                )
              }
            />
          )}
          {acting === 'complete' && (
            <CompleteConfirm
              type={r.type}
              busy={busy}
              onCancel={() => setActing(null)}
              onConfirm={() =>
                void act(() => call('requests.decide', { id, decision: { outcome: 'completed' } }), t('requests.actions.completedNotice'))
              }
            />
          )}
        </section>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="request-error">
          {error}
        </p>
      )}
    </article>
  );
}

function ExtendForm({ busy, onSave, onCancel }: { busy: boolean; onSave: (days: number, reason: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [days, setDays] = useState('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<{ days?: string; reason?: string }>({});
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(days.trim());
    const next = {
      ...(!Number.isInteger(n) || n < 1 || n > MAX_EXTENSION_DAYS
        ? { days: t('requests.extend.daysProblem', { max: MAX_EXTENSION_DAYS }) }
        : {}),
      ...(reason.trim() ? {} : { reason: t('requests.extend.reasonProblem') }),
    };
    setProblems(next);
    if (Object.keys(next).length === 0) onSave(n, reason.trim());
  };
  return (
    <form className="request-form" aria-label={t('requests.extend.title')} data-testid="extend-form" noValidate onSubmit={submit}>
      <p className="muted small">{t('requests.extend.hint')}</p>
      <label className="field">
        {t('requests.extend.days', { max: MAX_EXTENSION_DAYS })}
        <input
          ref={first}
          type="number"
          min={1}
          max={MAX_EXTENSION_DAYS}
          value={days}
          className="days-input"
          aria-invalid={problems.days !== undefined}
          aria-describedby={problems.days ? 'extend-days-problem' : undefined}
          onChange={(e) => setDays(e.target.value)}
        />
        {problems.days && (
          <span id="extend-days-problem" className="form-error small">
            {problems.days}
          </span>
        )}
      </label>
      <label className="field">
        {t('requests.extend.reason')}
        <textarea
          rows={2}
          value={reason}
          maxLength={2000}
          aria-invalid={problems.reason !== undefined}
          aria-describedby={problems.reason ? 'extend-reason-problem' : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
        {problems.reason && (
          <span id="extend-reason-problem" className="form-error small">
            {problems.reason}
          </span>
        )}
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('requests.extend.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('requests.cancel')}
        </button>
      </div>
    </form>
  );
}

/** What each one-field step sends of what was typed, and whether it may go. */
const READ: Record<'reject' | 'verify' | 'code', (typed: string) => { value: string; ok: boolean }> = {
  reject: (typed) => ({ value: typed.trim(), ok: typed.trim() !== '' }),
  verify: (typed) => ({ value: typed.trim(), ok: typed.trim() !== '' }),
  // The 6-digit code the customer quotes back, spaces and all; the hub checks it against the one it emailed.
  code: (typed) => ({ value: typed.replace(/\s/g, ''), ok: VERIFICATION_CODE.test(typed.replace(/\s/g, '')) }),
};

/**
 * The one field a step needs before it is taken: why a request is refused, how its requester was verified, or the
 * code they quoted back (a short numeric input rather than a text box).
 */
function ReasonForm({
  words,
  busy,
  onSave,
  onCancel,
}: {
  words: 'reject' | 'verify' | 'code';
  busy: boolean;
  onSave: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const first = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const read = READ[words](reason);
    if (!read.ok) return setProblem(t(`requests.${words}.reasonProblem`));
    setProblem(null);
    onSave(read.value);
  };
  const field = {
    ref: first,
    value: reason,
    'aria-invalid': problem !== null,
    'aria-describedby': problem ? `${words}-reason-problem` : `${words}-reason-hint`,
    onChange: (e: { target: { value: string } }) => setReason(e.target.value),
  };
  return (
    <form className="request-form" aria-label={t(`requests.${words}.title`)} data-testid={`${words}-form`} noValidate onSubmit={submit}>
      <label className="field">
        {t(`requests.${words}.reason`)}
        {words === 'code' ? (
          <input {...field} inputMode="numeric" autoComplete="one-time-code" maxLength={7} />
        ) : (
          <textarea {...field} rows={3} maxLength={words === 'verify' ? 500 : 2000} />
        )}
        {problem ? (
          <span id={`${words}-reason-problem`} className="form-error small">
            {problem}
          </span>
        ) : (
          <span id={`${words}-reason-hint`} className="muted small">
            {t(`requests.${words}.hint`)}
          </span>
        )}
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t(`requests.${words}.save`)}
        </button>
        <button type="button" onClick={onCancel}>
          {t('requests.cancel')}
        </button>
      </div>
    </form>
  );
}

function CompleteConfirm({
  type,
  busy,
  onConfirm,
  onCancel,
}: {
  type: Detail['type'];
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  return (
    <div
      role="alertdialog"
      aria-labelledby="complete-question"
      aria-describedby="complete-what"
      className="bulk-confirm"
      data-testid="complete-confirm"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <p id="complete-question">{t('requests.complete.ask')}</p>
      <span id="complete-what" className="small">
        {t(`requests.complete.what_${type}`)}
      </span>
      <button ref={confirm} type="button" className="primary" disabled={busy} onClick={onConfirm}>
        {t('requests.complete.confirm')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('requests.cancel')}
      </button>
    </div>
  );
}
