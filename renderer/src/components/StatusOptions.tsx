import { useTranslation } from 'react-i18next';
import { STATUSES } from '../../../common/vocabulary/submissions.ts';

/** The <option>s of a status select, in the interface language. */
export function StatusOptions() {
  const { t } = useTranslation();
  return STATUSES.map((s) => (
    <option key={s} value={s}>
      {t(`status.${s}`)}
    </option>
  ));
}
