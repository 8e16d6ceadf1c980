import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { Locale, pickLocale } from '../../shared/locale';
import backOfficeEn from './back-office.en.json';
import backOfficeZhCN from './back-office.zh-CN.json';
import discountsEn from './discounts.en.json';
import discountsZhCN from './discounts.zh-CN.json';
import drillEn from './drill.en.json';
import drillZhCN from './drill.zh-CN.json';
import en from './en.json';
import franchiseCatalogEn from './franchise-catalog.en.json';
import franchiseCatalogZhCN from './franchise-catalog.zh-CN.json';
import franchiseStockEn from './franchise-stock.en.json';
import franchiseStockZhCN from './franchise-stock.zh-CN.json';
import headOfficeEn from './head-office.en.json';
import headOfficeZhCN from './head-office.zh-CN.json';
import limitsEn from './limits.en.json';
import limitsZhCN from './limits.zh-CN.json';
import lineExportEn from './line-export.en.json';
import lineExportZhCN from './line-export.zh-CN.json';
import memberEn from './member.en.json';
import memberZhCN from './member.zh-CN.json';
import o2oEn from './o2o.en.json';
import o2oZhCN from './o2o.zh-CN.json';
import reportDataEn from './report-data.en.json';
import reportDataZhCN from './report-data.zh-CN.json';
import reportsEn from './reports.en.json';
import reportsZhCN from './reports.zh-CN.json';
import saleEn from './sale.en.json';
import saleZhCN from './sale.zh-CN.json';
import transfersEn from './transfers.en.json';
import transfersZhCN from './transfers.zh-CN.json';
import voucherEn from './voucher.en.json';
import voucherZhCN from './voucher.zh-CN.json';
import zhCN from './zh-CN.json';

/** One file pair per area of the app, so areas do not step on each other's keys. */
const english = {
  ...en,
  ...saleEn,
  ...backOfficeEn,
  ...o2oEn,
  ...voucherEn,
  ...discountsEn,
  ...limitsEn,
  ...reportsEn,
  ...drillEn,
  ...reportDataEn,
  ...lineExportEn,
  ...memberEn,
  ...headOfficeEn,
  ...franchiseCatalogEn,
  ...franchiseStockEn,
  ...transfersEn,
};
const chinese = {
  ...zhCN,
  ...saleZhCN,
  ...backOfficeZhCN,
  ...o2oZhCN,
  ...voucherZhCN,
  ...discountsZhCN,
  ...limitsZhCN,
  ...reportsZhCN,
  ...drillZhCN,
  ...reportDataZhCN,
  ...lineExportZhCN,
  ...memberZhCN,
  ...headOfficeZhCN,
  ...franchiseCatalogZhCN,
  ...franchiseStockZhCN,
  ...transfersZhCN,
};

const storageKey = 'counter.locale';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof english };
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
  resources: { en: { translation: english }, 'zh-CN': { translation: chinese } },
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
