import { Anchor, Center, Loader, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { centerDate } from '../../src/shared/center-time';
import { StatusBadge } from '../cases/StatusBadge';
import { DeadlineCell, partiesLine } from '../cases/list/CaseCells';
import type { CaseListItem } from '../cases/list/use-case-list';
import { ErrorState } from '../shared/ErrorState';
import { formatDateTime } from '../shared/format';
import { useStudioName, useStudios } from '../shared/studios';

export type MiniColumn = 'parties' | 'category' | 'studio' | 'status' | 'deadline' | 'registered';

const WIDTHS: Record<MiniColumn | 'number', number | undefined> = {
  number: 210,
  parties: undefined,
  category: 120,
  studio: 200,
  status: 124,
  deadline: 150,
  registered: 140,
};

const cell = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } as const;

interface CaseMiniListProps {
  readonly rows: readonly CaseListItem[] | undefined;
  readonly isPending: boolean;
  readonly error: Error | null;
  readonly onRetry: () => void;
  readonly columns: readonly MiniColumn[];
  readonly empty: string;
  readonly label: string;
}

/** A short list of cases on the home page; a row (or its number) opens the case. */
export function CaseMiniList(props: CaseMiniListProps) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const studios = useStudios();
  const studioName = useStudioName();
  const today = centerDate(new Date());

  if (props.isPending) {
    return (
      <Center py="md">
        <Loader size="sm" />
      </Center>
    );
  }
  if (props.error !== null) return <ErrorState error={props.error} onRetry={props.onRetry} />;
  const rows = props.rows ?? [];
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed" py="sm" ta="center">
        {props.empty}
      </Text>
    );
  }

  const header: Record<MiniColumn, string> = {
    parties: t('caseList.col.partiesShort'),
    category: t('caseList.col.category'),
    studio: t('caseList.col.studio'),
    status: t('caseList.col.status'),
    deadline: t('caseList.col.deadline'),
    registered: t('caseList.col.registeredAt'),
  };

  return (
    <Table layout="fixed" highlightOnHover verticalSpacing={6} aria-label={props.label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={WIDTHS.number}>{t('caseList.col.number')}</Table.Th>
          {props.columns.map((c) => (
            <Table.Th key={c} w={WIDTHS[c]}>
              {header[c]}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => {
          const open = () => navigate(`/cases/${row.id}`);
          const parties = partiesLine(row.parties, t('common.none'));
          const studio = studioName(studios.data?.find((s) => s.id === row.studioId));
          const cells: Record<MiniColumn, React.ReactNode> = {
            parties: <span title={parties}>{parties}</span>,
            category: t(`label.category.${row.category}`),
            studio: <span title={studio}>{studio}</span>,
            status: <StatusBadge status={row.status} />,
            deadline: (
              <DeadlineCell status={row.status} deadlineOn={row.deadlineOn} today={today} />
            ),
            registered: formatDateTime(row.registeredAt),
          };
          return (
            <Table.Tr key={row.id} style={{ cursor: 'pointer' }} onClick={open}>
              <Table.Td style={cell}>
                <Anchor
                  component={Link}
                  href={`/cases/${row.id}`}
                  size="sm"
                  fw={500}
                  title={row.number}
                  onClick={(e: React.MouseEvent) => e.stopPropagation()}
                >
                  {row.number}
                </Anchor>
              </Table.Td>
              {props.columns.map((c) => (
                <Table.Td key={c} style={cell} fz="sm">
                  {cells[c]}
                </Table.Td>
              ))}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
