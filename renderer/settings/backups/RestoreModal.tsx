import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Loader,
  Modal,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../src/api/contract';
import { call } from '../../api/client';
import { ErrorState } from '../../shared/ErrorState';
import { useSave } from '../use-save';

type Inspection = MethodOutput<'backups/check'>;

function Verdict({ ok, children }: { ok: boolean; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Badge color={ok ? 'green' : 'red'} variant="light" tt="none">
        {ok ? t('backups.pass') : t('backups.fail')}
      </Badge>
      <Text size="sm">{children}</Text>
    </Group>
  );
}

function Checks({ inspection }: { inspection: Inspection }) {
  const { t } = useTranslation();
  const integrityOk = inspection.readable && inspection.integrity[0] === 'ok';
  const fit = inspection.schema.fit;
  const chain = inspection.chain;
  return (
    <Table withRowBorders={false} aria-label={t('backups.restoreTitle')}>
      <Table.Tbody>
        <Table.Tr>
          <Table.Td w={160}>{t('backups.verdict.integrity')}</Table.Td>
          <Table.Td>
            <Verdict ok={integrityOk}>
              {inspection.readable ? inspection.integrity[0] : t('backups.schema.foreign')}
            </Verdict>
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Td>{t('backups.verdict.schema')}</Table.Td>
          <Table.Td>
            <Verdict ok={fit === 'same' || fit === 'older'}>{t(`backups.schema.${fit}`)}</Verdict>
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Td>{t('backups.verdict.chain')}</Table.Td>
          <Table.Td>
            {chain === null ? (
              <Text size="sm" c="dimmed">
                {t('common.none')}
              </Text>
            ) : (
              <Verdict ok={chain.ok}>
                {chain.ok
                  ? t('audit.verifyOk', { count: chain.checked })
                  : t('backups.checksBroken', { id: chain.firstBreak?.id })}
              </Verdict>
            )}
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

/**
 * Restoring a file: the core checks it first (integrity, schema version, audit chain) and the
 * verdict is shown; only a file that passed can be restored, after a confirmation.
 */
export function RestoreModal({ file, onClose }: { file: string; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSave();
  const [restoring, setRestoring] = useState(false);
  const check = useQuery({
    queryKey: ['backups/check', { file }],
    queryFn: () => call('backups/check', { file }),
    staleTime: 0,
  });
  const inspection = check.data;
  const restorable =
    inspection !== undefined &&
    inspection.readable &&
    inspection.integrity[0] === 'ok' &&
    (inspection.schema.fit === 'same' || inspection.schema.fit === 'older') &&
    inspection.chain?.ok === true;
  const restore = async () => {
    setRestoring(true);
    const result = await save('backups/restore', { file }, undefined, { quiet: true });
    setRestoring(false);
    if (result !== null) {
      notifications.show({
        color: 'green',
        autoClose: 15_000,
        message: t('backups.restored', { file: result.replacedKeptAs.file }),
      });
      onClose();
    }
  };
  return (
    <Modal opened onClose={onClose} size="lg" title={t('backups.restoreTitle')}>
      <Stack>
        <Code block>{file}</Code>
        {check.isPending && (
          <Group>
            <Loader size="sm" />
            <Text size="sm">{t('backups.checking')}</Text>
          </Group>
        )}
        {check.isError && <ErrorState error={check.error} />}
        {inspection !== undefined && <Checks inspection={inspection} />}
        {inspection?.counts && (
          <Text size="sm" c="dimmed">
            {t('backups.verdict.counts', inspection.counts)}
          </Text>
        )}
        {restorable && <Alert color="orange">{t('backups.restoreWarning')}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            disabled={!restorable}
            loading={restoring}
            onClick={() => void restore()}
          >
            {t('backups.restoreConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
