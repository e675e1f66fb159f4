/**
 * "Ghi nhận yêu cầu": a request a director took by email, by phone or at the counter. The customer is found by their
 * whole email or phone number (the lookup is audited and shows them masked), then the request is described: its
 * type, how it came, whether another party must act too (20 days instead of 15), for a profile change the details
 * to change (at least one; never the username or gender), and a note of what the customer said.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input, Output } from '../../../main/api/contract.ts';
import { PHONE_PATTERN } from '../../../common/vocabulary/customers.ts';
import { call } from '../api/client.ts';
import { PROFILE_FIELDS, REQUEST_TYPES, STAFF_CHANNELS, type ProfileField, type RequestChannel, type RequestType } from './clock.ts';
import { requestError } from './RequestDetail.tsx';

type Found = Output<'requests.findCustomer'>[number];
type Problems = Partial<Record<'find' | 'customer' | 'changes' | ProfileField | 'form', string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function LogRequest({ onClose, onLogged }: { onClose: () => void; onLogged: (id: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [found, setFound] = useState<Found[] | null>(null);
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [type, setType] = useState<RequestType>('profile_change');
  const [channel, setChannel] = useState<Exclude<RequestChannel, 'website'>>('phone');
  const [thirdParty, setThirdParty] = useState(false);
  const [changes, setChanges] = useState<Record<ProfileField, string>>({ fullName: '', email: '', phone: '', address: '' });
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);
  const findBox = useRef<HTMLInputElement>(null);
  useEffect(() => findBox.current?.focus(), []);

  const find = async () => {
    const typed = text.trim();
    if (!typed) return setProblems({ find: t('requests.log.findEmpty') });
    setBusy(true);
    try {
      const list = await call('requests.findCustomer', { text: typed });
      setFound(list);
      setCustomerId(list.length === 1 ? list[0]!.id : null);
      setProblems(list.length === 0 ? { find: t('requests.log.findNone') } : {});
    } catch (e) {
      setProblems({ find: requestError(e, t) });
    }
    setBusy(false);
  };

  const check = (): { problems: Problems } | { input: Input<'requests.log'> } => {
    const p: Problems = {};
    if (!customerId) p.customer = t('requests.log.pickCustomer');
    const asked: Partial<Record<ProfileField, string>> = {};
    if (type === 'profile_change') {
      for (const f of PROFILE_FIELDS) if (changes[f].trim()) asked[f] = changes[f].trim();
      if (Object.keys(asked).length === 0) p.changes = t('requests.log.changesNone');
      if (asked.email !== undefined && !EMAIL.test(asked.email)) p.email = t('requests.log.emailProblem');
      if (asked.phone !== undefined && !PHONE_PATTERN.test(asked.phone)) p.phone = t('requests.log.phoneProblem');
    }
    if (Object.keys(p).length > 0 || !customerId) return { problems: p };
    return {
      input: {
        customerId,
        type,
        channel,
        thirdParty,
        ...(type === 'profile_change' ? { changes: asked } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      },
    };
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const checked = check();
    if ('problems' in checked) return setProblems(checked.problems);
    setProblems({});
    setBusy(true);
    try {
      const { id } = await call('requests.log', checked.input);
      onLogged(id);
    } catch (err) {
      setProblems({ form: requestError(err, t) });
      setBusy(false);
    }
  };

  const problemOf = (key: keyof Problems, id: string) =>
    problems[key] ? (
      <span id={`${id}-problem`} className="form-error small" data-testid={`${id}-problem`}>
        {problems[key]}
      </span>
    ) : null;

  return (
    <div className="overlay" onClick={onClose}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="log-request-title"
        className="dialog wide log-request"
        data-testid="log-request"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <h2 id="log-request-title">{t('requests.log.title')}</h2>
        <p className="muted small">{t('requests.log.intro')}</p>
        <form
          className="log-find"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void find();
          }}
        >
          <label className="field">
            {t('requests.log.find')}
            <span className="log-find-row">
              <input
                ref={findBox}
                value={text}
                maxLength={254}
                aria-invalid={problems.find !== undefined}
                aria-describedby={problems.find ? 'log-find-problem' : undefined}
                onChange={(e) => setText(e.target.value)}
                data-testid="log-find"
              />
              <button type="submit" disabled={busy}>
                {t('requests.log.findButton')}
              </button>
            </span>
          </label>
          {problemOf('find', 'log-find')}
        </form>
        {found !== null && found.length > 0 && (
          <fieldset className="log-customers" aria-invalid={problems.customer !== undefined}>
            <legend>{t('requests.log.customer')}</legend>
            {found.map((c) => (
              <label key={c.id} className="choice" data-testid="log-customer">
                <input type="radio" name="log-customer" checked={customerId === c.id} onChange={() => setCustomerId(c.id)} />{' '}
                <span className="masked">{c.name}</span>
                {c.email && <span className="masked mono"> · {c.email}</span>}
                {c.phone && <span className="masked mono"> · {c.phone}</span>}
              </label>
            ))}
            {problemOf('customer', 'log-customer')}
          </fieldset>
        )}
        <form className="log-form" noValidate onSubmit={(e) => void submit(e)} aria-label={t('requests.log.title')}>
          {(found === null || found.length === 0) && problemOf('customer', 'log-customer')}
          <div className="log-grid">
            <label className="field">
              {t('requests.log.type')}
              <select value={type} onChange={(e) => setType(e.target.value as RequestType)} data-testid="log-type">
                {REQUEST_TYPES.map((ty) => (
                  <option key={ty} value={ty}>
                    {t(`requests.type.${ty}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              {t('requests.log.channel')}
              <select value={channel} onChange={(e) => setChannel(e.target.value as typeof channel)} data-testid="log-channel">
                {STAFF_CHANNELS.map((ch) => (
                  <option key={ch} value={ch}>
                    {t(`requests.channel.${ch}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <label className="check">
            <input type="checkbox" checked={thirdParty} onChange={(e) => setThirdParty(e.target.checked)} /> {t('requests.log.thirdParty')}
          </label>
          {type === 'profile_change' && (
            <fieldset className="log-changes" aria-describedby={problems.changes ? 'log-changes-problem' : 'log-changes-hint'}>
              <legend>{t('requests.log.changes')}</legend>
              <p id="log-changes-hint" className="muted small">
                {t('requests.changes.fixed')}
              </p>
              <div className="log-grid">
                {PROFILE_FIELDS.map((f) => (
                  <label key={f} className="field">
                    {t('requests.log.newValue', { field: t(`customer.${f}`) })}
                    <input
                      value={changes[f]}
                      type={f === 'email' ? 'email' : f === 'phone' ? 'tel' : 'text'}
                      maxLength={f === 'address' ? 500 : f === 'email' ? 254 : 200}
                      aria-invalid={problems[f] !== undefined}
                      aria-describedby={problems[f] ? `log-${f}-problem` : undefined}
                      onChange={(e) => setChanges((c) => ({ ...c, [f]: e.target.value }))}
                      data-testid={`log-${f}`}
                    />
                    {problemOf(f, `log-${f}`)}
                  </label>
                ))}
              </div>
              {problemOf('changes', 'log-changes')}
            </fieldset>
          )}
          <label className="field">
            {t('requests.log.note')}
            <textarea rows={3} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} data-testid="log-note" />
          </label>
          {problemOf('form', 'log-form')}
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {t('requests.log.submit')}
            </button>
            <button type="button" onClick={onClose}>
              {t('requests.cancel')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
