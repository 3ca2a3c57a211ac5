import { Alert, Button, Code, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../src/api/result';
import type { DatabaseSwitchInput, SwitchResult } from '../../../src/settings/database.schema';
import { callResult } from '../../api/client';
import { summarizeCopied } from './copied-summary';

export interface SwitchRequest {
  readonly input: DatabaseSwitchInput;
  /** The server, as `user@host:port/database`; null when switching back to this computer. */
  readonly target: string | null;
  /** The server holds no accounts and nothing is copied: the first account is created next. */
  readonly needsSetup: boolean;
}

type Phase = { kind: 'confirm' } | { kind: 'running' } | { kind: 'failed'; error: ApiError };

/**
 * Confirms a switch (everyone is signed out), runs it with visible progress (copying can take
 * minutes), then says what happened and hands the window back to the sign-in screen.
 */
export function SwitchDialog({
  request,
  file,
  onClose,
  onFieldErrors,
}: {
  request: SwitchRequest;
  file: string;
  onClose: () => void;
  /** Puts the core's field errors on the form; false when none fits a field. */
  onFieldErrors: (error: ApiError) => boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [phase, setPhase] = useState<Phase>({ kind: 'confirm' });
  const seconds = useElapsedSeconds(phase.kind === 'running');
  const { input } = request;
  const copying = input.engine === 'postgres' && input.copyLocalData;

  const finished = (result: SwitchResult) => {
    // Notifications live outside the signed-in app, so this stays on the sign-in screen, long
    // enough to be read (the copy's counts) but not over the header all day.
    notifications.show({
      color: 'green',
      autoClose: 30_000,
      title: t(`database.switched.${result.engine}`),
      message: result.copied === null ? undefined : copiedText(result.copied),
    });
    // The core now runs on the other database, where nobody is signed in: forget everything
    // cached from the old one; the gate asks who is here and shows sign-in (or first setup).
    void queryClient.resetQueries();
  };

  const copiedText = (copied: Readonly<Record<string, number>>) => {
    const summary = summarizeCopied(copied);
    if (summary.total === 0) return t('database.copiedNothing');
    const separator = t('database.listSeparator');
    const details = summary.parts
      .map((part) =>
        t('database.tablePart', {
          table: t(`database.table.${part.table}`),
          rows: part.rows.toLocaleString(),
        }),
      )
      .join(separator);
    return t('database.copied', { total: summary.total.toLocaleString(), details });
  };

  const run = async () => {
    setPhase({ kind: 'running' });
    const result = await callResult('database/switch', input);
    if (result.ok) {
      finished(result.value);
      return;
    }
    if (result.error.code === 'VALIDATION' && onFieldErrors(result.error)) {
      onClose();
      return;
    }
    setPhase({ kind: 'failed', error: result.error });
  };

  const running = phase.kind === 'running';
  const title = t(input.engine === 'sqlite' ? 'database.switchBackTitle' : 'database.confirmTitle');
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      size="lg"
      closeOnEscape={!running}
      closeOnClickOutside={!running}
      withCloseButton={!running}
    >
      <Stack>
        {input.engine === 'sqlite' ? (
          <>
            <Stack gap={4}>
              <Text size="sm">{t('database.file')}</Text>
              <Code block>{file}</Code>
            </Stack>
            <Text size="sm">{t('database.switchBackText')}</Text>
          </>
        ) : (
          <>
            <Group gap="xs">
              <Text size="sm">{t('database.address')}</Text>
              <Code>{request.target}</Code>
            </Group>
            {copying && <Text size="sm">{t('database.confirmCopy')}</Text>}
            {request.needsSetup && <Text size="sm">{t('database.confirmSetup')}</Text>}
          </>
        )}
        <Alert color="orange" variant="light">
          {t(
            input.engine === 'sqlite' ? 'database.confirmSignOutLocal' : 'database.confirmSignOut',
          )}
        </Alert>
        {running && (
          <Group gap="sm" role="status" aria-live="polite" data-testid="switch-progress">
            <Loader size="sm" />
            <Stack gap={0}>
              <Text size="sm">{t(copying ? 'database.copying' : 'database.switching')}</Text>
              <Text size="xs" c="dimmed">
                {t('database.elapsed', { seconds })}
              </Text>
            </Stack>
          </Group>
        )}
        {phase.kind === 'failed' && (
          <Alert
            color="red"
            icon={<IconAlertTriangle />}
            title={t('database.switchFailed')}
            role="alert"
          >
            {/* Field texts say it best (the dispatcher's message repeats them after a path). */}
            {phase.error.fields === undefined
              ? phase.error.message
              : Object.values(phase.error.fields).join(' ')}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={running}>
            {t(phase.kind === 'failed' ? 'database.close' : 'common.cancel')}
          </Button>
          {phase.kind !== 'failed' && (
            <Button
              color={input.engine === 'sqlite' ? 'orange' : undefined}
              loading={running}
              onClick={() => void run()}
              data-autofocus
            >
              {t('database.confirm')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

/** Whole seconds since `running` became true (a dialog runs its switch once). */
function useElapsedSeconds(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!running) return;
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return seconds;
}
