import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../src/cases/case.schema';

const COLORS: Record<CaseStatus, string> = {
  registered: 'orange',
  accepted: 'blue',
  declined: 'gray',
  referred: 'grape',
  in_mediation: 'indigo',
  concluded: 'teal',
  archived: 'dark',
};

export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" tt="none">
      {t(`label.status.${status}`)}
    </Badge>
  );
}
