/**
 * Importing the catalogue from a CSV or XLSX file: the file is read here (as base64, up to 5 MB) and previewed by
 * the API line by line — added, changed (which fields), unchanged, or refused and why — with the counts; nothing
 * is written until "Áp dụng" sends the same file to be applied, after which the outcome is shown.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../main/api/contract.ts';
import { BackdeskError, call } from '../api/client.ts';
import { useReport } from '../components/Notices.tsx';
import { refusalText } from './reasons.ts';

type Line = Output<'products.previewImport'>['lines'][number];
type Outcome = Output<'products.applyImport'>;
const MAX_BYTES = 5 * 1024 * 1024;
const ACTIONS = ['add', 'change', 'unchanged', 'refuse'] as const;

/** The file's bytes in base64, as the API takes them. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(file);
  });
}

export function ImportPanel({ onApplied, onClose }: { onApplied: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const report = useReport();
  const [file, setFile] = useState<{ fileName: string; content: string } | null>(null);
  const [lines, setLines] = useState<Line[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<(Outcome & { fileName: string }) | null>(null);
  const [busy, setBusy] = useState(false);
  const picker = useRef<HTMLInputElement>(null);

  /** What the API said about a file it could not read: the missing columns named; anything else as it came. */
  const fileProblem = (e: unknown) => {
    if (!(e instanceof BackdeskError && e.code === 'invalid_input')) return report(e);
    const missing = e.detail?.missing;
    setProblem(
      Array.isArray(missing)
        ? t('catalogue.import.missing', { columns: missing.map((c) => t(`catalogue.columns.${String(c)}`)).join(', ') })
        : t('catalogue.import.unreadable', { message: e.message }),
    );
  };

  const choose = async (picked: File | undefined) => {
    setLines(null);
    setOutcome(null);
    setProblem(null);
    setFile(null);
    if (!picked) return;
    if (picked.size > MAX_BYTES) return setProblem(t('catalogue.import.tooBig'));
    setBusy(true);
    try {
      const chosen = { fileName: picked.name, content: await readBase64(picked) };
      setLines((await call('products.previewImport', chosen)).lines);
      setFile(chosen);
    } catch (e) {
      fileProblem(e);
    }
    setBusy(false);
  };

  const apply = async () => {
    if (!file || busy) return;
    setBusy(true);
    try {
      setOutcome({ ...(await call('products.applyImport', file)), fileName: file.fileName });
      setLines(null);
      setFile(null);
      if (picker.current) picker.current.value = '';
      onApplied();
    } catch (e) {
      fileProblem(e);
    }
    setBusy(false);
  };

  const count = (action: Line['action']) => lines?.filter((l) => l.action === action).length ?? 0;
  const actionText = (l: Line) =>
    l.action === 'change'
      ? t('catalogue.import.change', { fields: (l.fields ?? []).map((f) => t(`catalogue.fields.${f}`)).join(', ') })
      : l.action === 'refuse'
        ? t('catalogue.import.refuse', { reason: refusalText(t, l.reason ?? '') })
        : t(`catalogue.import.${l.action}`);
  const applicable = count('add') + count('change') > 0;
  return (
    <section className="details-form import-panel" aria-label={t('catalogue.import.title')} aria-busy={busy}>
      <h3>{t('catalogue.import.title')}</h3>
      <p className="muted small">{t('catalogue.import.hint')}</p>
      <label className="field">
        <span>{t('catalogue.import.choose')}</span>
        <input
          ref={picker}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          autoFocus
          onChange={(e) => void choose(e.target.files?.[0])}
        />
      </label>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {outcome && (
        <p className="ok" role="status" data-testid="import-outcome">
          {t('catalogue.import.done', outcome)}
        </p>
      )}
      {lines && (
        <>
          <p role="status" data-testid="import-counts">
            {t('catalogue.import.counts', Object.fromEntries(ACTIONS.map((a) => [a, count(a)])))}
          </p>
          <table className="audit-table" data-testid="import-preview">
            <thead>
              <tr>
                <th>{t('catalogue.import.line')}</th>
                <th>{t('catalogue.sku')}</th>
                <th>{t('catalogue.name')}</th>
                <th>{t('catalogue.import.action')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.line} className={`import-${l.action}`}>
                  <td>{l.line}</td>
                  <td>
                    <bdi>{l.sku}</bdi>
                  </td>
                  <td>
                    <bdi>{l.name}</bdi>
                  </td>
                  <td>{actionText(l)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {!applicable && <p className="muted">{t('catalogue.import.nothing')}</p>}
        </>
      )}
      <div className="details-form-foot">
        <span className="spacer" />
        <button type="button" onClick={onClose}>
          {t('catalogue.import.close')}
        </button>
        {lines && (
          <button type="button" className="primary" disabled={busy || !applicable} onClick={() => void apply()}>
            {t('catalogue.import.apply')}
          </button>
        )}
      </div>
    </section>
  );
}
