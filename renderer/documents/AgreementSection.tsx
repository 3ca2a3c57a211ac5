import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconPlus, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../src/api/contract';
import { callResult } from '../api/client';
import { useApiQuery } from '../api/hooks';
import { ErrorState } from '../shared/ErrorState';
import { formatDateTime } from '../shared/format';
import { AgreementEditor, blankAgreement, type EditorTarget } from './AgreementEditor';
import { useDocumentOutput } from './DocumentList';
import { ScanUpload } from './ScanUpload';
import { SignaturePanel } from './SignaturePanel';

type View = MethodOutput<'agreements/get'>;
type Version = View['versions'][number];

function versionState(v: Version): 'effective' | 'printed' | 'draft' {
  return v.effectiveOn !== null ? 'effective' : v.printedAt !== null ? 'printed' : 'draft';
}

/**
 * The case's 人民调解协议书: its versions, the editor, printing N+1 copies, signatures and the
 * signed scan, and the effective date with the judicial-confirmation window running from it.
 */
export function AgreementSection(props: { caseId: number; today: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const view = useApiQuery('agreements/get', { caseId: props.caseId });
  const output = useDocumentOutput();
  const [editing, setEditing] = useState<EditorTarget | null>(null);
  const [printing, setPrinting] = useState<number | null>(null);
  if (view.isPending) return <Loader size="sm" />;
  if (view.isError) return <ErrorState error={view.error} onRetry={() => void view.refetch()} />;
  const data = view.data;
  const refresh = () => {
    void view.refetch();
    props.onChanged();
  };
  const latest = data.versions.at(-1);
  const signing = [...data.versions].reverse().find((v) => v.printedAt !== null);

  const print = async (v: Version) => {
    setPrinting(v.id);
    const result = await callResult('agreements/print', { versionId: v.id });
    setPrinting(null);
    if (!result.ok) {
      notifications.show({ color: 'red', message: result.error.message });
      return;
    }
    refresh();
    await output.run(result.value.id, 'print');
  };

  return (
    <Paper withBorder p="sm" data-testid="agreement-section">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('label.documentKind.agreement')}</Title>
        {data.canEdit && (
          <Button
            size="xs"
            leftSection={latest ? <IconEdit size={14} /> : <IconPlus size={14} />}
            onClick={() =>
              setEditing(
                latest === undefined
                  ? { content: blankAgreement(data.parties) }
                  : latest.printedAt === null
                    ? {
                        versionId: latest.id,
                        revision: latest.revision,
                        versionNo: latest.versionNo,
                        content: latest.content,
                      }
                    : { content: latest.content },
              )
            }
          >
            {latest === undefined
              ? t('doc.agreement.draft')
              : latest.printedAt === null
                ? t('doc.agreement.edit', { version: latest.versionNo })
                : t('doc.agreement.correct')}
          </Button>
        )}
      </Group>
      {data.effectiveOn && (
        <Alert
          mb="xs"
          color={data.confirmationWindow?.state === 'past' ? 'red' : 'teal'}
          data-testid="agreement-effective"
        >
          {t('doc.agreement.effectiveOn', { date: data.effectiveOn })}
          {data.confirmationWindow &&
            ` ${t(`link.window.${data.confirmationWindow.state}`, { date: data.confirmationWindow.endsOn })}`}
        </Alert>
      )}
      {data.versions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('doc.agreement.none')}
        </Text>
      ) : (
        <Table aria-label={t('doc.agreement.versions')}>
          <Table.Tbody>
            {data.versions.map((v) => {
              const state = versionState(v);
              return (
                <Table.Tr key={v.id} data-testid="agreement-version">
                  <Table.Td>{t('doc.agreement.version', { version: v.versionNo })}</Table.Td>
                  <Table.Td>
                    <Badge
                      variant="light"
                      color={state === 'effective' ? 'teal' : state === 'printed' ? 'blue' : 'gray'}
                    >
                      {t(`doc.agreement.state.${state}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {t('doc.agreement.copiesOf', { count: v.content.copies })} ·{' '}
                      {formatDateTime(v.printedAt ?? v.updatedAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group justify="flex-end" gap={4}>
                      <Button
                        size="compact-sm"
                        variant={state === 'draft' ? 'filled' : 'light'}
                        leftSection={<IconPrinter size={14} />}
                        loading={printing === v.id}
                        disabled={state === 'draft' && !data.canEdit}
                        onClick={() => void print(v)}
                      >
                        {state === 'draft'
                          ? t('doc.agreement.print', { count: v.content.copies })
                          : t('doc.agreement.reprint')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {signing && (
        <Stack gap="xs" mt="sm">
          <Text fw={500} size="sm">
            {t('doc.sign.titleOf', { version: signing.versionNo })}
          </Text>
          <SignaturePanel
            view={data}
            version={signing}
            today={props.today}
            editable={signing.effectiveOn === null && data.canSign}
            onChanged={refresh}
          />
          <ScanUpload version={signing} editable={data.canSign} onChanged={refresh} />
        </Stack>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        fullScreen
        title={t('label.documentKind.agreement')}
      >
        {editing && (
          <AgreementEditor
            caseId={props.caseId}
            parties={data.parties}
            target={editing}
            onCancel={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              refresh();
            }}
          />
        )}
      </Modal>
    </Paper>
  );
}
