import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { vi } from './vi.ts';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'backdesk.language';

function savedLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'vi';
}

export async function initI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: savedLanguage(),
    fallbackLng: 'vi',
    // React escapes every value it renders; escaping here too would show &amp; to people.
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = i18next.language;
}

export async function switchLanguage(): Promise<void> {
  const next: Language = i18next.language === 'vi' ? 'en' : 'vi';
  localStorage.setItem(STORAGE_KEY, next);
  await i18next.changeLanguage(next);
  document.documentElement.lang = next;
}
