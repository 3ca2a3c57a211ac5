import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../src/shared/messages';
import { call } from '../api/client';
import { applyLocale } from '../i18n';

/** Switches the interface and the core's messages for this window at run time. */
export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  const change = (value: string) => {
    const locale: Locale = value === 'en' ? 'en' : 'zh-CN';
    applyLocale(locale);
    void call('session/setLocale', { locale });
  };
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('common.language')}
      value={i18n.language === 'en' ? 'en' : 'zh-CN'}
      onChange={change}
      data={[
        { value: 'zh-CN', label: '中文' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}
