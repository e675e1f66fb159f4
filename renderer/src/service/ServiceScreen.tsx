import { useTranslation } from 'react-i18next';

/** Directors' working hours, holidays and service targets. The screen is being built: only its title so far. */
export default function ServiceScreen() {
  const { t } = useTranslation();
  return <h1>{t('service.nav')}</h1>;
}
