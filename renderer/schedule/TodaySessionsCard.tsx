import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCalendarTime } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { centerWallTime } from '../../src/schedule/session-time.schema';
import { useApiQuery } from '../api/hooks';
import { STATUS_COLORS } from './session-colors';
import { useSessionLabels } from './use-schedule';

/**
 * Today's sessions for a home page: the whole center's (reception), or one staff member's
 * (a mediator's own). Ready for the home screen to place where its placeholders stand.
 */
export function TodaySessionsCard({
  title,
  today,
  staffId,
}: {
  title: string;
  today: string;
  staffId?: number;
}) {
  const { t } = useTranslation();
  const labels = useSessionLabels();
  const sessions = useApiQuery('schedule/list', {
    from: today,
    to: today,
    ...(staffId === undefined ? {} : { staffId }),
    statuses: ['scheduled', 'held'],
  });
  return (
    <Paper withBorder p="md" data-testid="today-sessions">
      <Group gap="xs" mb="xs">
        <IconCalendarTime size={18} />
        <Text fw={600}>{title}</Text>
        <Badge variant="light">{sessions.data?.length ?? '…'}</Badge>
      </Group>
      <Stack gap={4}>
        {sessions.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('schedule.todayNone')}
          </Text>
        )}
        {(sessions.data ?? []).slice(0, 12).map((s) => (
          <Group key={s.id} gap="xs" wrap="nowrap">
            <Text size="sm" ff="monospace">
              {centerWallTime(s.start).time}
            </Text>
            <Badge size="xs" variant="light" color={STATUS_COLORS[s.status]} tt="none">
              {labels.kind(s.kind)}
            </Badge>
            <Text size="sm">{labels.room(s)}</Text>
            {s.caseId !== null && (
              <Anchor component={Link} href={`/cases/${s.caseId}`} size="sm">
                {s.caseNumber}
              </Anchor>
            )}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
