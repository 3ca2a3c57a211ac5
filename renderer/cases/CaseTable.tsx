import { Center, Stack, Table, Text, ThemeIcon } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { MethodOutput } from '../../src/api/contract';
import { formatDateTime } from '../shared/format';
import { useStudioName, useStudios } from '../shared/studios';
import { StatusBadge } from './StatusBadge';

export type QueueItem = MethodOutput<'cases/queue'>[number];

/** Cases in a table; a row opens its case (click or Enter). */
export function CaseTable({ cases }: { cases: readonly QueueItem[] }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const studios = useStudios();
  const studioName = useStudioName();

  if (cases.length === 0) {
    return (
      <Center py="xl">
        <Stack align="center" gap={4}>
          <ThemeIcon size={48} radius="xl" variant="light" color="gray">
            <IconInbox size={26} />
          </ThemeIcon>
          <Text fw={500}>{t('cases.empty')}</Text>
          <Text size="sm" c="dimmed">
            {t('cases.emptyText')}
          </Text>
        </Stack>
      </Center>
    );
  }

  return (
    <Table highlightOnHover striped verticalSpacing="xs" aria-label={t('cases.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('cases.number')}</Table.Th>
          <Table.Th>{t('cases.parties')}</Table.Th>
          <Table.Th>{t('cases.category')}</Table.Th>
          <Table.Th>{t('cases.studio')}</Table.Th>
          <Table.Th>{t('cases.status')}</Table.Th>
          <Table.Th>{t('cases.registeredAt')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {cases.map((c) => {
          const open = () => navigate(`/cases/${c.id}`);
          return (
            <Table.Tr
              key={c.id}
              tabIndex={0}
              style={{ cursor: 'pointer' }}
              onClick={open}
              onKeyDown={(e) => e.key === 'Enter' && open()}
            >
              <Table.Td fw={500}>{c.number}</Table.Td>
              <Table.Td>
                {c.parties
                  .filter((p) => p.role === 'applicant')
                  .map((p) => p.name)
                  .join('、')}
                <Text span c="dimmed" size="sm">
                  {' — '}
                </Text>
                {c.parties
                  .filter((p) => p.role === 'respondent')
                  .map((p) => p.name)
                  .join('、')}
              </Table.Td>
              <Table.Td>{t(`label.category.${c.category}`)}</Table.Td>
              <Table.Td>{studioName(studios.data?.find((s) => s.id === c.studioId))}</Table.Td>
              <Table.Td>
                <StatusBadge status={c.status} />
              </Table.Td>
              <Table.Td>{formatDateTime(c.registeredAt)}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
