import { Anchor, Paper, ScrollArea, Table, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../src/api/contract';
import { categoryLabels, sourceLabels } from '../../src/cases/case.labels';
import { dimensionLabels, measureLabels, rateLabels } from '../../src/reports/report.labels';
import {
  RATES,
  RATE_KEYS,
  type DrillGroup,
  type GroupDimension,
  type Measure,
} from '../../src/reports/report.schema';
import { useStudioName } from '../shared/studios';
import type { DrillTarget } from './DrillDrawer';
import { useLabel } from './use-report-labels';

type View = MethodOutput<'reports/dashboard'>;
type Figures = View['current'];

const COUNTS: readonly Measure[] = ['registered', 'accepted', 'concluded', 'overdueAtEnd'];

interface Row {
  readonly key: string;
  readonly name: string;
  readonly group?: DrillGroup;
  readonly figures: Figures;
}

/** 分工作室、分类别、分来源 the period's figures by group; every number opens its cases. */
export function GroupTables({ view, onDrill }: { view: View; onDrill(t: DrillTarget): void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const studioName = useStudioName();
  const studios = new Map(view.studios.map((s) => [s.id, s]));

  const rows: Record<GroupDimension, Row[]> = {
    studio: view.byStudio.map((s) => ({
      key: String(s.studioId),
      name: studioName(studios.get(s.studioId)),
      group: { by: 'studio', key: s.studioId },
      figures: s.figures,
    })),
    category: view.byCategory.map((c) => ({
      key: c.category,
      name: label(categoryLabels[c.category]),
      group: { by: 'category', key: c.category },
      figures: c.figures,
    })),
    source: view.bySource.map((s) => ({
      key: s.source,
      name: label(sourceLabels[s.source]),
      group: { by: 'source', key: s.source },
      figures: s.figures,
    })),
  };
  const total: Row = { key: 'total', name: t('reports.total'), figures: view.current };

  const drill = (row: Row, measure: Measure, title: string, rate?: (typeof RATE_KEYS)[number]) =>
    onDrill({
      from: view.period.from,
      to: view.period.to,
      measure,
      ...(row.group === undefined ? {} : { group: row.group }),
      ...(rate === undefined ? {} : { rate }),
      title: `${row.name} · ${title}`,
    });

  const table = (dimension: GroupDimension) => (
    <ScrollArea>
      <Table
        striped
        highlightOnHover
        withTableBorder
        stickyHeader
        miw={1000}
        data-testid={`group-table-${dimension}`}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{label(dimensionLabels[dimension])}</Table.Th>
            {COUNTS.map((m) => (
              <Table.Th key={m} ta="right">
                {label(measureLabels[m])}
              </Table.Th>
            ))}
            {RATE_KEYS.map((k) => (
              <Table.Th key={k} ta="right">
                {label(rateLabels[k])}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...rows[dimension], total].map((row) => (
            <Table.Tr key={row.key} fw={row === total ? 700 : undefined} data-row={row.key}>
              <Table.Td>{row.name}</Table.Td>
              {COUNTS.map((m) => (
                <Table.Td key={m} ta="right">
                  <Anchor
                    component="button"
                    size="sm"
                    onClick={() => drill(row, m, label(measureLabels[m]))}
                  >
                    {row.figures.counts[m]}
                  </Anchor>
                </Table.Td>
              ))}
              {RATE_KEYS.map((k) => {
                const r = row.figures.rates[k];
                return (
                  <Table.Td key={k} ta="right">
                    {r.value === null ? (
                      <Text size="sm" c="dimmed">
                        {r.text}
                      </Text>
                    ) : (
                      <Anchor
                        component="button"
                        size="sm"
                        title={`${r.numerator} / ${r.denominator}`}
                        onClick={() => drill(row, RATES[k].numerator, label(rateLabels[k]), k)}
                      >
                        {r.text}
                      </Anchor>
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );

  return (
    <Paper withBorder p="sm">
      <Tabs defaultValue="studio">
        <Tabs.List mb="sm">
          {(['studio', 'category', 'source'] as const).map((d) => (
            <Tabs.Tab key={d} value={d}>
              {t(`reports.by.${d}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {(['studio', 'category', 'source'] as const).map((d) => (
          <Tabs.Panel key={d} value={d}>
            {rows[d].length === 0 ? (
              <Text c="dimmed" size="sm" py="md" ta="center">
                {t('reports.emptyGroups')}
              </Text>
            ) : (
              table(d)
            )}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Paper>
  );
}
