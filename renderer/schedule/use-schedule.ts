import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../src/shared/messages';
import {
  conflictResourceLabels,
  sessionKindLabels,
  sessionStatusLabels,
  warningText,
} from '../../src/schedule/session.labels';
import type {
  ConflictResource,
  SessionKind,
  SessionStatus,
  SessionWarning,
} from '../../src/schedule/session.schema';

/** Session labels in the interface language (the core's own labels, shared). */
export function useSessionLabels() {
  const { i18n } = useTranslation();
  const lang: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  return {
    lang,
    kind: (k: SessionKind) => sessionKindLabels[k][lang],
    status: (s: SessionStatus) => sessionStatusLabels[s][lang],
    resource: (r: ConflictResource) => conflictResourceLabels[r][lang],
    warning: (w: SessionWarning) => warningText(w, lang),
    room: (r: { roomNameZh: string; roomNameEn: string }) =>
      lang === 'en' ? r.roomNameEn : r.roomNameZh,
  };
}

/** After a booking changes: every schedule view and the case page reload. */
export function useRefreshSchedule() {
  const client = useQueryClient();
  return () =>
    client.invalidateQueries({
      predicate: (q) => {
        const method = String(q.queryKey[0]);
        return method.startsWith('schedule/') || method === 'cases/get';
      },
    });
}

/** The texts a save needs for its confirmation and refusals. */
export function useSaveTexts() {
  const { t } = useTranslation();
  return {
    confirmTitle: t('schedule.warnings.confirmTitle'),
    confirm: t('schedule.warnings.confirm'),
    cancel: t('common.cancel'),
    refused: t('schedule.refused'),
    stale: t('schedule.stale'),
  };
}
