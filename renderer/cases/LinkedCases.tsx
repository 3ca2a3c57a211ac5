import { Alert, Anchor, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { MethodOutput } from '../../src/api/contract';
import { formatDateTime } from '../shared/format';
import { StatusBadge } from './StatusBadge';

type Detail = MethodOutput<'cases/get'>;

/** Links both ways, and the judicial-confirmation window while it matters. */
export function LinkedCases({ detail }: { detail: Detail }) {
  const { t } = useTranslation();
  const window = detail.confirmationWindow;
  return (
    <Stack>
      {window && detail.outcome === 'written_agreement' && (
        <Alert
          color={window.state === 'past' ? 'red' : window.state === 'closing' ? 'orange' : 'blue'}
          data-testid="confirmation-window"
        >
          {t(`link.window.${window.state}`, { date: window.endsOn })}
        </Alert>
      )}
      {detail.links.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('link.none')}
        </Text>
      ) : (
        <Table aria-label={t('case.linked')}>
          <Table.Tbody>
            {detail.links.map((l) => (
              <Table.Tr key={`${l.direction}-${l.id}`}>
                <Table.Td>{t(`label.linkKind.${l.kind}`)}</Table.Td>
                <Table.Td>{t(l.direction === 'to' ? 'link.to' : 'link.from')}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} href={`/cases/${l.id}`}>
                    {l.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={l.status} />
                </Table.Td>
                <Table.Td>{formatDateTime(l.at)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
