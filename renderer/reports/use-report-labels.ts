import { useTranslation } from 'react-i18next';
import type { Locale } from '../../src/shared/messages';

/** The interface language as the core's label tables name it. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

/** Picks a label (report.labels.ts, case.labels.ts) in the interface language. */
export function useLabel() {
  const locale = useLocale();
  return (label: Readonly<Record<Locale, string>>) => label[locale];
}
