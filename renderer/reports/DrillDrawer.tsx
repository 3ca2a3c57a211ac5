import {
  Anchor,
  Center,
  Drawer,
  Group,
  Loader,
  Pagination,
  ScrollArea,
  SegmentedControl,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { measureLabels } from '../../src/reports/report.labels';
import {
  RATES,
  type DrillGroup,
  type Measure,
  type RateKey,
} from '../../src/reports/report.schema';
import { useApiQuery } from '../api/hooks';
import { ErrorState } from '../shared/ErrorState';
import { formatDateTime } from '../shared/format';
import { useStudioName, useStudios } from '../shared/studios';
import { ExportButtons } from './ExportMenu';
import { useLabel } from './use-report-labels';

/** A figure to list: a measure in a period, maybe one group, maybe one of a rate's parts. */
export interface DrillTarget {
  readonly from: string;
  readonly to: string;
  readonly measure: Measure;
  readonly group?: DrillGroup;
  /** When the figure is a rate: the drawer switches between its parts. */
  readonly rate?: RateKey;
  readonly title: string;
}

const PAGE = 50;

interface Props {
  readonly target: DrillTarget | null;
  readonly studioIds: readonly number[];
  onChange(target: DrillTarget): void;
  onClose(): void;
}

/** 明细 the cases behind a figure, a page at a time, each opening its case. */
export function DrillDrawer({ target, studioIds, onChange, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={target !== null}
      onClose={onClose}
      position="right"
      size="min(1100px, 92vw)"
      title={target === null ? '' : <Text fw={700}>{target.title}</Text>}
      closeButtonProps={{ 'aria-label': t('reports.drill.close') }}
    >
      {target === null ? null : (
        <DrillList
          // A new figure starts on its first page.
          key={`${target.from}|${target.to}|${target.measure}|${JSON.stringify(target.group ?? null)}`}
          target={target}
          studioIds={studioIds}
          onChange={onChange}
        />
      )}
    </Drawer>
  );
}

function DrillList({
  target,
  studioIds,
  onChange,
}: {
  target: DrillTarget;
  studioIds: readonly number[];
  onChange(target: DrillTarget): void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const studioName = useStudioName();
  const studios = new Map((useStudios().data ?? []).map((s) => [s.id, s]));
  const [page, setPage] = useState(1);
  const spec = {
    from: target.from,
    to: target.to,
    measure: target.measure,
    ...(target.group === undefined ? {} : { group: target.group }),
    ...(studioIds.length > 0 ? { studioIds: [...studioIds] } : {}),
  };
  const query = useApiQuery('reports/drill', { ...spec, offset: (page - 1) * PAGE, limit: PAGE });
  const rate = target.rate === undefined ? null : RATES[target.rate];
  const nowrap = { whiteSpace: 'nowrap' } as const;

  return (
    <Stack gap="sm" data-testid="drill">
      <Group justify="space-between" wrap="wrap">
        <Stack gap={0}>
          <Text size="sm" c="dimmed">
            {target.from} — {target.to} · {label(measureLabels[target.measure])}
          </Text>
          <Text fw={600} data-testid="drill-total">
            {query.isSuccess ? t('reports.drill.total', { count: query.data.total }) : ' '}
          </Text>
        </Stack>
        <Group gap="xs">
          {rate === null ? null : (
            <SegmentedControl
              size="xs"
              value={target.measure}
              onChange={(measure) => onChange({ ...target, measure: measure as Measure })}
              data={[
                { value: rate.numerator, label: label(measureLabels[rate.numerator]) },
                { value: rate.complement, label: label(measureLabels[rate.complement]) },
                { value: rate.denominator, label: label(measureLabels[rate.denominator]) },
              ]}
              data-testid="drill-part"
            />
          )}
          <ExportButtons input={{ what: 'drill', ...spec }} testId="drill-export" />
        </Group>
      </Group>
      {query.isPending ? (
        <Center mih={200}>
          <Loader />
        </Center>
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.total === 0 ? (
        <Center mih={160}>
          <Text c="dimmed">{t('reports.drill.empty')}</Text>
        </Center>
      ) : (
        <>
          <ScrollArea>
            <Table striped highlightOnHover withTableBorder miw={1000} data-testid="drill-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reports.col.number')}</Table.Th>
                  <Table.Th>{t('reports.col.parties')}</Table.Th>
                  <Table.Th>{t('reports.col.studio')}</Table.Th>
                  <Table.Th>{t('reports.col.category')}</Table.Th>
                  <Table.Th>{t('reports.col.status')}</Table.Th>
                  <Table.Th>{t('reports.col.registered')}</Table.Th>
                  <Table.Th>{t('reports.col.concluded')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.items.map((row) => (
                  <Table.Tr key={row.id}>
                    <Table.Td style={nowrap}>
                      <Anchor component={Link} href={`/cases/${row.id}`} size="sm">
                        {row.number}
                      </Anchor>
                    </Table.Td>
                    <Table.Td maw={260}>
                      <Text size="sm" lineClamp={1}>
                        {row.parties
                          .filter((p) => p.role === 'applicant' || p.role === 'respondent')
                          .map((p) => p.name)
                          .join('、')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{studioName(studios.get(row.studioId))}</Text>
                    </Table.Td>
                    <Table.Td style={nowrap}>
                      <Text size="sm">{t(`label.category.${row.category}`)}</Text>
                    </Table.Td>
                    <Table.Td style={nowrap}>
                      <Text size="sm">{t(`label.status.${row.status}`)}</Text>
                    </Table.Td>
                    <Table.Td style={nowrap}>
                      <Text size="sm">{formatDateTime(row.registeredAt)}</Text>
                    </Table.Td>
                    <Table.Td style={nowrap}>
                      {row.concludedAt === null ? null : (
                        <>
                          <Text size="sm">{formatDateTime(row.concludedAt)}</Text>
                          <Text size="xs" c="dimmed">
                            {row.outcome === null ? '' : t(`label.outcome.${row.outcome}`)}
                          </Text>
                        </>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
          {query.data.total > PAGE ? (
            <Pagination
              total={Math.ceil(query.data.total / PAGE)}
              value={page}
              onChange={setPage}
              size="sm"
              getControlProps={(control) => ({ 'aria-label': t(`reports.page.${control}`) })}
            />
          ) : null}
        </>
      )}
    </Stack>
  );
}
