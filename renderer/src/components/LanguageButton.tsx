import { useTranslation } from 'react-i18next';
import { switchLanguage } from '../i18n/index.ts';

export function LanguageButton() {
  const { t } = useTranslation();
  return (
    <button type="button" className="ghost" onClick={() => void switchLanguage()} lang={t('app.language') === 'English' ? 'en' : 'vi'}>
      {t('app.language')}
    </button>
  );
}
