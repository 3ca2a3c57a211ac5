import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { formatRange } from './calendar-time';
import { KIND_COLORS, STATUS_COLORS } from './session-colors';
import type { MethodOutput } from '../../src/api/contract';
import { useSessionLabels } from './use-schedule';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={96} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </Group>
  );
}

/** A person with whether they came (once the session is held or missed). */
function Person({ name, attended }: { name: string; attended: boolean | null }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={attended === null ? 'gray' : attended ? 'teal' : 'red'}
      tt="none"
      leftSection={
        attended === null ? null : attended ? <IconCheck size={12} /> : <IconX size={12} />
      }
      title={attended === null ? undefined : t(attended ? 'schedule.attended' : 'schedule.absent')}
    >
      {name}
    </Badge>
  );
}

function SessionLink({ id, onOpen }: { id: number; onOpen: (id: number) => void }) {
  return (
    <Anchor component="button" type="button" size="sm" onClick={() => onOpen(id)}>
      #{id}
    </Anchor>
  );
}

/** Everything a session says, read-only. */
export function SessionDetails({
  session: s,
  onOpen,
}: {
  session: MethodOutput<'schedule/get'>;
  /** Opens another session (the one this was postponed to or from). */
  onOpen: (id: number) => void;
}) {
  const { t } = useTranslation();
  const labels = useSessionLabels();
  return (
    <Stack gap={6} data-testid="session-details">
      <Group gap="xs">
        <Badge color={KIND_COLORS[s.kind]}>{labels.kind(s.kind)}</Badge>
        <Badge color={STATUS_COLORS[s.status]} variant="light" data-testid="session-status">
          {labels.status(s.status)}
        </Badge>
      </Group>
      <Row label={t('schedule.field.time')}>{formatRange(s.start, s.end, labels.lang)}</Row>
      <Row label={t('schedule.field.room')}>{labels.room(s)}</Row>
      <Row label={t('schedule.field.case')}>
        {s.caseId === null ? (
          t('schedule.openSlot')
        ) : (
          <Anchor component={Link} href={`/cases/${s.caseId}`} size="sm">
            {s.caseNumber}
          </Anchor>
        )}
      </Row>
      <Row label={t('schedule.field.staff')}>
        <Group gap={4}>
          {s.staff.map((p) => (
            <Person key={p.id} name={p.displayName} attended={p.attended} />
          ))}
        </Group>
      </Row>
      {s.parties.length > 0 && (
        <Row label={t('schedule.field.parties')}>
          <Group gap={4}>
            {s.parties.map((p) => (
              <Person key={p.id} name={p.name} attended={p.attended} />
            ))}
          </Group>
        </Row>
      )}
      {s.withheld ? (
        <Text size="xs" c="dimmed">
          {t('schedule.withheld')}
        </Text>
      ) : (
        <>
          {s.notes !== '' && <Row label={t('schedule.field.notes')}>{s.notes}</Row>}
          {s.record !== null && <Row label={t('schedule.field.record')}>{s.record}</Row>}
        </>
      )}
      {s.statusReason !== null && s.statusReason !== '' && (
        <Row label={t('schedule.field.reason')}>{s.statusReason}</Row>
      )}
      {s.postponedToId !== null && (
        <Row label={t('schedule.postponedTo')}>
          <SessionLink id={s.postponedToId} onOpen={onOpen} />
        </Row>
      )}
      {s.postponedFromId !== null && (
        <Row label={t('schedule.postponedFrom')}>
          <SessionLink id={s.postponedFromId} onOpen={onOpen} />
        </Row>
      )}
    </Stack>
  );
}
