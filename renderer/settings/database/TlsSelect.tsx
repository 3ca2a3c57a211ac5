import { Select, Stack, Text } from '@mantine/core';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { TLS_MODES, type TlsMode } from '../../../src/settings/database.schema';

function isTlsMode(value: string | null): value is TlsMode {
  return TLS_MODES.some((mode) => mode === value);
}

/** The TLS mode, each option with what it protects against; the chosen one explained below. */
export function TlsSelect({
  value,
  onChange,
  onBlur,
  inputRef,
  error,
}: {
  value: TlsMode;
  onChange: (value: TlsMode) => void;
  onBlur: () => void;
  inputRef: Ref<HTMLInputElement>;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('database.tls')}
      withAsterisk
      ref={inputRef}
      value={value}
      onBlur={onBlur}
      onChange={(next) => {
        if (isTlsMode(next)) onChange(next);
      }}
      allowDeselect={false}
      data={TLS_MODES.map((mode) => ({ value: mode, label: t(`database.tls.${mode}`) }))}
      description={t(`database.tls.${value}.hint`)}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm">{option.label}</Text>
          <Text size="xs" c="dimmed">
            {t(`database.tls.${option.value}.hint`)}
          </Text>
        </Stack>
      )}
      comboboxProps={{ withinPortal: true }}
      error={error}
    />
  );
}
