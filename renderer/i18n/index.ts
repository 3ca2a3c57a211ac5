import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import {
  advisedRouteLabels,
  authorityLabels,
  categoryLabels,
  linkKindLabels,
  outcomeLabels,
  performanceLabels,
  satisfactionLabels,
  partyRoleLabels,
  riskLabels,
  roleLabels,
  sexLabels,
  sourceLabels,
  statusLabels,
  studioKindLabels,
} from '../../src/cases/case.labels';
import { errorMessages, validationMessages, type Locale } from '../../src/shared/messages';
import { en } from './en';
import { adminEn, adminZh } from './admin';
import { databaseEn, databaseZh } from './database';
import { documentsEn, documentsZh } from './documents';
import { findingEn, findingZh } from './finding';
import { reportsEn, reportsZh } from './reports';
import { scheduleEn, scheduleZh } from './schedule';
import { zhCN } from './zh-CN';

/** Domain labels and validation messages come from the core, so both sides say the same. */
function shared(locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  const groups = {
    category: categoryLabels,
    source: sourceLabels,
    risk: riskLabels,
    partyRole: partyRoleLabels,
    status: statusLabels,
    sex: sexLabels,
    role: roleLabels,
    studioKind: studioKindLabels,
    outcome: outcomeLabels,
    advisedRoute: advisedRouteLabels,
    linkKind: linkKindLabels,
    performance: performanceLabels,
    satisfaction: satisfactionLabels,
    authority: authorityLabels,
  } as const;
  for (const [group, labels] of Object.entries(groups)) {
    for (const [key, text] of Object.entries(labels as Record<string, Record<Locale, string>>)) {
      out[`label.${group}.${key}`] = text[locale];
    }
  }
  for (const [key, text] of Object.entries({ ...validationMessages, ...errorMessages })) {
    out[key] = text[locale];
  }
  return out;
}

const STORAGE_KEY = 'mediation-desk.locale';

export function initialLocale(): Locale {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
}

export function applyLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  void i18n.changeLanguage(locale);
}

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': {
      translation: {
        ...zhCN,
        ...findingZh,
        ...scheduleZh,
        ...documentsZh,
        ...adminZh,
        ...reportsZh,
        ...databaseZh,
        ...shared('zh-CN'),
      },
    },
    en: {
      translation: {
        ...en,
        ...findingEn,
        ...scheduleEn,
        ...documentsEn,
        ...adminEn,
        ...reportsEn,
        ...databaseEn,
        ...shared('en'),
      },
    },
  },
  lng: initialLocale(),
  fallbackLng: 'zh-CN',
  // Keys are flat ('intake.title'); validation keys from the core contain dots too.
  keySeparator: false,
  interpolation: { escapeValue: false },
});
dayjs.locale(initialLocale() === 'zh-CN' ? 'zh-cn' : 'en');

export { i18n };
