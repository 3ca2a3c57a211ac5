import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../src/api/contract';
import { useApiQuery } from '../api/hooks';

export type StudioView = MethodOutput<'studios/list'>[number];

export function useStudios() {
  return useApiQuery('studios/list', {});
}

/** The studio's name in the interface language. */
export function useStudioName() {
  const { i18n } = useTranslation();
  return (studio: Pick<StudioView, 'nameZh' | 'nameEn'> | undefined) =>
    studio === undefined ? '' : i18n.language === 'en' ? studio.nameEn : studio.nameZh;
}
