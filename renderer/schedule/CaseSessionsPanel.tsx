import { Badge, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../src/cases/case.schema';
import { useApiQuery } from '../api/hooks';
import { useSession } from '../auth/session';
import { ErrorState } from '../shared/ErrorState';
import { formatRange } from './calendar-time';
import { KIND_COLORS, STATUS_COLORS } from './session-colors';
import { SessionDrawer, type DrawerTarget } from './SessionDrawer';
import { useSessionLabels } from './use-schedule';

const OPEN: readonly CaseStatus[] = ['registered', 'accepted', 'in_mediation'];

interface Props {
  readonly caseId: number;
  readonly studioId: number;
  readonly status: CaseStatus;
  /** The case page reloads: a held session may have started the mediation. */
  readonly onChanged: () => void;
}

/** 调解安排: the case's sessions, and booking the next one. */
export function CaseSessionsPanel({ caseId, studioId, status, onChanged }: Props) {
  const { t } = useTranslation();
  const labels = useSessionLabels();
  const { caller } = useSession();
  const sessions = useApiQuery('schedule/ofCase', { caseId });
  const [drawer, setDrawer] = useState<DrawerTarget | null>(null);
  // Reception books for every studio, the studio's own mediators and clerks for theirs.
  const canBook =
    OPEN.includes(status) &&
    (caller.roles.includes('reception') ||
      (caller.studioIds.includes(studioId) &&
        caller.roles.some((r) => r === 'mediator' || r === 'clerk')));

  if (sessions.isPending) return <Loader size="sm" />;
  if (sessions.isError) {
    return <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />;
  }
  return (
    <Stack gap="sm" data-testid="case-sessions">
      {canBook && (
        <Group>
          <Button
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => setDrawer({ kind: 'new', defaults: { caseId }, lockCase: true })}
          >
            {t('schedule.new')}
          </Button>
        </Group>
      )}
      {sessions.data.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('schedule.caseNone')}
        </Text>
      ) : (
        <Table highlightOnHover verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('schedule.field.time')}</Table.Th>
              <Table.Th>{t('schedule.field.kind')}</Table.Th>
              <Table.Th>{t('schedule.field.room')}</Table.Th>
              <Table.Th>{t('schedule.field.staff')}</Table.Th>
              <Table.Th>{t('schedule.field.parties')}</Table.Th>
              <Table.Th>{t('schedule.field.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sessions.data.map((s) => (
              <Table.Tr
                key={s.id}
                style={{ cursor: 'pointer' }}
                onClick={() => setDrawer({ kind: 'session', id: s.id })}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') setDrawer({ kind: 'session', id: s.id });
                }}
                tabIndex={0}
                data-testid="case-session-row"
              >
                <Table.Td>{formatRange(s.start, s.end, labels.lang)}</Table.Td>
                <Table.Td>
                  <Badge variant="dot" color={KIND_COLORS[s.kind]} tt="none">
                    {labels.kind(s.kind)}
                  </Badge>
                </Table.Td>
                <Table.Td>{labels.room(s)}</Table.Td>
                <Table.Td>{s.staff.map((p) => p.displayName).join('、')}</Table.Td>
                <Table.Td>{s.parties.map((p) => p.name).join('、')}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={STATUS_COLORS[s.status]} tt="none">
                    {labels.status(s.status)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <SessionDrawer target={drawer} onClose={() => setDrawer(null)} onChanged={onChanged} />
    </Stack>
  );
}
