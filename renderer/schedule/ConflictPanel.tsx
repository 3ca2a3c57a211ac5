import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle, IconBan, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../src/api/contract';
import { formatRange } from './calendar-time';
import { useSessionLabels } from './use-schedule';

type Check = MethodOutput<'schedule/checkConflicts'>;

/** What the core says about the planned time while the form is edited: clashes, then warnings. */
export function ConflictPanel({ check, loading }: { check: Check | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const labels = useSessionLabels();
  if (check === undefined) return null;
  const { conflicts, warnings } = check;
  if (conflicts.length === 0 && warnings.length === 0) {
    return (
      <Text size="sm" c="teal" data-testid="session-free" opacity={loading ? 0.5 : 1}>
        <IconCircleCheck size={16} style={{ verticalAlign: 'text-bottom' }} />{' '}
        {t('schedule.check.free')}
      </Text>
    );
  }
  return (
    <>
      {conflicts.length > 0 && (
        <Alert
          color="red"
          icon={<IconBan size={18} />}
          title={t('schedule.check.conflicts')}
          data-testid="session-conflicts"
        >
          <List size="sm" spacing={2}>
            {conflicts.map((c) => (
              <List.Item key={`${c.resource}-${c.resourceId}-${c.session.id}`}>
                {labels.resource(c.resource)}「
                {c.resource === 'room' ? labels.room(c.session) : c.resourceName}」：
                {labels.kind(c.session.kind)} #{c.session.id}，
                {formatRange(c.session.start, c.session.end, labels.lang)}，{labels.room(c.session)}
                {c.session.caseNumber === null ? '' : `，${c.session.caseNumber}`}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {warnings.length > 0 && (
        <Alert
          color="yellow"
          icon={<IconAlertTriangle size={18} />}
          title={t('schedule.check.warnings')}
          data-testid="session-warnings"
        >
          <List size="sm" spacing={2}>
            {warnings.map((w) => (
              <List.Item key={`${w.code}-${'date' in w ? w.date : ''}`}>
                {labels.warning(w)}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </>
  );
}
