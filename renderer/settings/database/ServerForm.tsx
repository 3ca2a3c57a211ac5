import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Checkbox,
  Grid,
  Group,
  Loader,
  NumberInput,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlugConnected, IconServer2 } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useForm, useWatch, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../src/api/result';
import {
  postgresConnectionSchema,
  type ConnectionReport,
  type DatabaseStatus,
} from '../../../src/settings/database.schema';
import { callResult } from '../../api/client';
import { applyServerErrors } from '../../shared/form-errors';
import { useFieldError } from '../use-save';
import {
  connectionKey,
  describeServer,
  formFieldErrors,
  initialConnection,
  sameServer,
  type ConnectionFields,
} from './connection-values';
import { ConnectionReportView } from './ConnectionReportView';
import { SwitchDialog, type SwitchRequest } from './SwitchDialog';
import { TlsSelect } from './TlsSelect';

/**
 * The center server: its details, "Test connection", then "Switch" — allowed only after a
 * successful test of exactly the values on screen. Enter in any field tests.
 */
export function ServerForm({ status }: { status: DatabaseStatus }) {
  const { t } = useTranslation();
  const err = useFieldError();
  const form = useForm<ConnectionFields>({
    resolver: (zodResolver as (schema: unknown) => Resolver<ConnectionFields>)(
      postgresConnectionSchema,
    ),
    defaultValues: initialConnection(status),
  });
  const values = useWatch({ control: form.control }) as ConnectionFields;
  const [tested, setTested] = useState<{ key: string; report: ConnectionReport } | null>(null);
  const [testError, setTestError] = useState<string | null>(null);
  const [copy, setCopy] = useState(true);
  const [request, setRequest] = useState<SwitchRequest | null>(null);

  const placeErrors = (error: ApiError) => applyServerErrors(formFieldErrors(error), form.setError);

  const test = form.handleSubmit(async (connection) => {
    setTestError(null);
    setTested(null);
    const result = await callResult('database/test', { connection });
    if (result.ok) {
      setTested({ key: connectionKey(connection), report: result.value });
      return;
    }
    if (result.error.code === 'VALIDATION' && placeErrors(result.error)) return;
    setTestError(result.error.message);
  });

  const key = connectionKey(values);
  const report = tested?.key === key ? tested.report : null;
  const stale = tested !== null && report === null;
  const onThisServer =
    status.engine === 'postgres' && sameServer(status, values) && values.password === '';
  const serverEmpty =
    report?.ok === true && (report.schema === 'empty' || report.hasRecords === false);
  const offerCopy = status.engine === 'sqlite' && serverEmpty;
  const copying = offerCopy && copy;
  const canSwitch = report?.ok === true && !onThisServer;
  const reusesPassword = status.server?.hasPassword === true && sameServer(status, values);

  const startSwitch = () => {
    const parsed = postgresConnectionSchema.safeParse(form.getValues());
    if (!parsed.success) {
      void form.trigger();
      return;
    }
    setRequest({
      input: { engine: 'postgres', connection: parsed.data, copyLocalData: copying },
      target: describeServer(parsed.data),
      needsSetup: serverEmpty && !copying,
    });
  };

  return (
    <>
      <form onSubmit={(event) => void test(event)} noValidate aria-label={t('database.server')}>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('database.serverIntro')}
          </Text>
          <Grid>
            <Grid.Col span={8}>
              <TextInput
                label={t('database.host')}
                placeholder={t('database.hostPlaceholder')}
                withAsterisk
                autoComplete="off"
                spellCheck={false}
                {...form.register('host')}
                error={err(form.formState.errors.host?.message)}
              />
            </Grid.Col>
            <Grid.Col span={4}>
              <Controller
                control={form.control}
                name="port"
                render={({ field, fieldState }) => (
                  <NumberInput
                    label={t('database.port')}
                    withAsterisk
                    min={1}
                    max={65535}
                    allowDecimal={false}
                    allowNegative={false}
                    thousandSeparator={false}
                    name={field.name}
                    ref={field.ref}
                    onBlur={field.onBlur}
                    value={field.value}
                    onChange={(v) => field.onChange(typeof v === 'number' ? v : undefined)}
                    error={err(fieldState.error?.message)}
                  />
                )}
              />
            </Grid.Col>
            <Grid.Col span={6}>
              <TextInput
                label={t('database.name')}
                placeholder={t('database.namePlaceholder')}
                withAsterisk
                autoComplete="off"
                spellCheck={false}
                {...form.register('database')}
                error={err(form.formState.errors.database?.message)}
              />
            </Grid.Col>
            <Grid.Col span={6}>
              <TextInput
                label={t('database.user')}
                withAsterisk
                autoComplete="off"
                spellCheck={false}
                {...form.register('user')}
                error={err(form.formState.errors.user?.message)}
              />
            </Grid.Col>
            <Grid.Col span={6}>
              <PasswordInput
                label={t('database.password')}
                placeholder={t(reusesPassword ? 'database.passwordReuse' : 'database.passwordNone')}
                description={status.canKeepPasswords ? undefined : t('database.noKeptPasswords')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                autoComplete="new-password"
                {...form.register('password')}
                error={err(form.formState.errors.password?.message)}
              />
            </Grid.Col>
            <Grid.Col span={6}>
              <Controller
                control={form.control}
                name="tls"
                render={({ field, fieldState }) => (
                  <TlsSelect
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    inputRef={field.ref}
                    error={err(fieldState.error?.message)}
                  />
                )}
              />
            </Grid.Col>
          </Grid>

          <Group>
            <Button
              type="submit"
              variant="default"
              leftSection={<IconPlugConnected size={16} />}
              loading={form.formState.isSubmitting}
            >
              {t('database.test')}
            </Button>
            {form.formState.isSubmitting && (
              <Group gap="xs">
                <Loader size="xs" />
                <Text size="sm" c="dimmed">
                  {t('database.testing')}
                </Text>
              </Group>
            )}
          </Group>

          {report !== null && <ConnectionReportView report={report} />}
          {testError !== null && (
            <Alert color="red" role="alert">
              {testError}
            </Alert>
          )}
          {stale && (
            <Text size="sm" c="orange.8">
              {t('database.retest')}
            </Text>
          )}

          {offerCopy && (
            <Checkbox
              checked={copy}
              onChange={(event) => setCopy(event.currentTarget.checked)}
              label={t('database.copy')}
              description={t('database.copyHint')}
            />
          )}
          {report?.ok === true && status.engine === 'sqlite' && !serverEmpty && (
            <Alert color="blue" variant="light">
              {t('database.serverHasRecords')}
            </Alert>
          )}

          <Group justify="flex-end" align="center">
            {!canSwitch && (
              <Text size="sm" c="dimmed">
                {t(onThisServer ? 'database.alreadyOnServer' : 'database.switchNeedsTest')}
              </Text>
            )}
            <Button
              type="button"
              leftSection={<IconServer2 size={16} />}
              disabled={!canSwitch}
              onClick={startSwitch}
            >
              {t('database.switchTo')}
            </Button>
          </Group>
        </Stack>
      </form>
      {request !== null && (
        <SwitchDialog
          request={request}
          file={status.file}
          onClose={() => setRequest(null)}
          onFieldErrors={(error) => {
            // The server failed its test at the switch: the earlier green result no longer holds.
            const placed = placeErrors(error);
            if (placed) setTested(null);
            return placed;
          }}
        />
      )}
    </>
  );
}
