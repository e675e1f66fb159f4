import { useTranslation } from 'react-i18next';

/** Directors' canned replies and tags. The screen is being built: only its title so far. */
export default function RepliesScreen() {
  const { t } = useTranslation();
  return <h1>{t('replies.nav')}</h1>;
}
