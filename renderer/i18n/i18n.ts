import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { Locale, pickLocale } from '../../shared/locale';
import en from './en.json';
import zhCN from './zh-CN.json';

const storageKey = 'counter.locale';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
  }
}

export type LocaleChoice = Locale | 'system';

/** The language picked in the app, or 'system' to follow the operating system's. */
export function localeChoice(): LocaleChoice {
  const saved = Locale.safeParse(localStorage.getItem(storageKey));
  return saved.success ? saved.data : 'system';
}

function resolve(choice: LocaleChoice): Locale {
  return choice === 'system' ? pickLocale(navigator.language) : choice;
}

export const i18n = i18next.createInstance();

i18n.use(initReactI18next).init({
  lng: resolve(localeChoice()),
  fallbackLng: 'en',
  supportedLngs: ['zh-CN', 'en'],
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  interpolation: { escapeValue: false },
});

document.documentElement.lang = i18n.language;

export function currentLocale(): Locale {
  return pickLocale(i18n.language);
}

export function setLocaleChoice(choice: LocaleChoice): void {
  if (choice === 'system') localStorage.removeItem(storageKey);
  else localStorage.setItem(storageKey, choice);
  const locale = resolve(choice);
  document.documentElement.lang = locale;
  void i18n.changeLanguage(locale);
}

export function setLocale(locale: Locale): void {
  setLocaleChoice(locale);
}
