import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../src/api/contract';
import { ApiCallError } from '../api/client';
import { formatDateTime } from '../shared/format';
import { outputDocument, type OutputAction } from './pdf-output';

type Doc = MethodOutput<'documents/list'>[number];

/** Formats a stored code as printed: 7KQF-3M2X. */
export function printedCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * Print or save a stored document, with what happened said in one notification (`title` adds
 * what was just generated, e.g. its verification code).
 */
export function useDocumentOutput() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (
    id: number,
    action: OutputAction,
    note?: { title: string; warning?: string },
  ) => {
    setBusy(`${id}:${action}`);
    try {
      const result = await outputDocument(id, action);
      const done = result === 'cancelled' ? undefined : t(`doc.output.${result}.${action}`);
      if (note !== undefined || done !== undefined) {
        notifications.show({
          color: note?.warning ? 'orange' : 'teal',
          title: note?.title,
          message: [note?.warning, done].filter(Boolean).join(' '),
          autoClose: note?.warning ? false : 5000,
        });
      }
    } catch (error) {
      notifications.show({
        color: 'red',
        message: error instanceof ApiCallError ? error.error.message : String(error),
      });
    } finally {
      setBusy(null);
    }
  };
  return { run, busy };
}

/** The papers generated for a case, with their verification codes; print or save each again. */
export function DocumentList({ documents }: { documents: readonly Doc[] }) {
  const { t } = useTranslation();
  const output = useDocumentOutput();
  if (documents.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('doc.list.empty')}
      </Text>
    );
  }
  return (
    <Table aria-label={t('doc.list.title')} data-testid="document-list">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('doc.list.name')}</Table.Th>
          <Table.Th>{t('doc.list.code')}</Table.Th>
          <Table.Th>{t('doc.list.pages')}</Table.Th>
          <Table.Th>{t('doc.list.created')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {documents.map((d) => (
          <Table.Tr key={d.id} data-testid="document-row">
            <Table.Td>
              <Text size="sm">{t(`label.documentKind.${d.kind}`)}</Text>
              {d.copies > 1 && (
                <Badge size="xs" variant="light">
                  {t('doc.list.copies', { count: d.copies })}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>
              <Text ff="monospace" size="sm">
                {printedCode(d.code)}
              </Text>
            </Table.Td>
            <Table.Td>{d.pages}</Table.Td>
            <Table.Td>
              <Text size="sm">{formatDateTime(d.createdAt)}</Text>
              <Text size="xs" c="dimmed">
                {d.createdByName ?? ''}
              </Text>
            </Table.Td>
            <Table.Td>
              <Group gap={4} justify="flex-end" wrap="nowrap">
                <Button
                  size="compact-sm"
                  variant="light"
                  leftSection={<IconPrinter size={14} />}
                  loading={output.busy === `${d.id}:print`}
                  onClick={() => void output.run(d.id, 'print')}
                >
                  {t('doc.print')}
                </Button>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  leftSection={<IconDeviceFloppy size={14} />}
                  loading={output.busy === `${d.id}:save`}
                  onClick={() => void output.run(d.id, 'save')}
                >
                  {t('doc.save')}
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
