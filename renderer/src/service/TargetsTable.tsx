/** Each inbox's first-response and resolution targets, in working hours (blank: no target), by the inbox's own name. */
import { useTranslation } from 'react-i18next';
import { SUBMISSION_KINDS } from '../../../common/vocabulary/submissions.ts';
import { Problem } from '../forms/FormParts.tsx';
import { INBOX_KINDS } from '../inbox/kinds.ts';
import { TARGET_FIELDS, targetId, type Draft, type Problems } from './draft.ts';

export function TargetsTable({
  targets,
  problems,
  onChange,
}: {
  targets: Draft['targets'];
  problems: Problems;
  onChange: (targets: Draft['targets']) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="service-section" aria-labelledby="targets-title">
      <h3 id="targets-title">{t('service.targets.title')}</h3>
      <p className="muted small">{t('service.targets.hint')}</p>
      <table className="targets-table">
        <thead>
          <tr>
            <th scope="col">{t('service.targets.inbox')}</th>
            {TARGET_FIELDS.map((f) => (
              <th key={f} scope="col">
                {t(`service.targets.${f}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {SUBMISSION_KINDS.map((kind) => {
            const inbox = t(`${INBOX_KINDS[kind].words}.nav`);
            return (
              <tr key={kind} data-testid="target-row">
                <th scope="row">{inbox}</th>
                {TARGET_FIELDS.map((f) => {
                  const id = targetId(kind, f);
                  return (
                    <td key={f}>
                      <input
                        id={id}
                        className="hours-input"
                        inputMode="decimal"
                        aria-label={t('service.targets.label', {
                          inbox,
                          what: t(`service.clock.what.${f === 'firstResponse' ? 'first_response' : 'resolution'}`),
                        })}
                        aria-invalid={problems[id] ? true : undefined}
                        aria-describedby={problems[id] ? `${id}-problem` : undefined}
                        value={targets[kind][f]}
                        onChange={(e) => onChange({ ...targets, [kind]: { ...targets[kind], [f]: e.target.value } })}
                      />
                      <Problem id={id} testId="problem-target" text={problems[id]} />
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
