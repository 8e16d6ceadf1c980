import { useTranslation } from 'react-i18next';
import { type Locale, pickLocale } from '../../shared/locale';
import { setLocale } from './i18n';

export function useLocale(): { locale: Locale; setLocale: (locale: Locale) => void } {
  const { i18n } = useTranslation();
  return { locale: pickLocale(i18n.language), setLocale };
}
