import {
  ActionIcon,
  Input,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useFormContext, useWatch, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PARTY_ROLES } from '../../src/cases/case.schema';
import { SEXES } from '../../src/parties/party.schema';
import { blankOrganization, blankPerson, type IntakeForm } from './intake-defaults';
import { AgentFields } from './AgentFields';
import { PartyLookup, type PartyMatch } from './PartyLookup';

interface Props {
  index: number;
  canRemove: boolean;
  onRemove: () => void;
  usedPartyIds: readonly number[];
}

/** One party of the dispute: role, person or organization, with find-or-create. */
export function PartyCard({ index, canRemove, onRemove, usedPartyIds }: Props) {
  const { t } = useTranslation();
  const [masked, setMasked] = useState('');
  const { control, register, setValue, formState } = useFormContext<IntakeForm>();
  const base = `parties.${index}` as const;
  const entry = useWatch({ control, name: base });
  const errors = formState.errors.parties?.[index];
  const partyErrors = errors?.party as Record<string, FieldError | undefined> | undefined;
  const err = (field: string) => {
    const message = partyErrors?.[field]?.message;
    return message ? t(message) : undefined;
  };
  const party = entry.party;
  const reused = entry.partyId !== undefined;

  const switchKind = (kind: string) => {
    const blank = kind === 'organization' ? blankOrganization(entry.role) : blankPerson(entry.role);
    setValue(base, { ...blank, party: { ...blank.party, name: party.name } });
  };
  const use = (match: PartyMatch) => {
    // The stored record keeps its numbers; the form shows them masked and does not send them.
    const reusedParty =
      match.kind === 'person'
        ? {
            kind: 'person' as const,
            name: match.name,
            sex: match.sex === 'female' ? ('female' as const) : ('male' as const),
            idNumber: '',
            phone: '',
            address: match.address ?? '',
          }
        : {
            kind: 'organization' as const,
            name: match.name,
            creditCode: '',
            legalRepresentative: match.legalRepresentative ?? '',
            phone: '',
            address: match.address ?? '',
          };
    setValue(
      base,
      { role: entry.role, partyId: match.id, party: reusedParty },
      { shouldValidate: false },
    );
    setMasked(`${match.idNumber ?? match.creditCode ?? ''} ${match.phone ?? ''}`);
  };

  return (
    <Paper withBorder p="sm" data-testid={`party-${index}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="xs">
            <Controller
              control={control}
              name={`${base}.role`}
              render={({ field }) => (
                <Select
                  aria-label={t('party.role')}
                  w={130}
                  size="xs"
                  allowDeselect={false}
                  value={field.value}
                  onChange={(v) => v && field.onChange(v)}
                  data={PARTY_ROLES.map((r) => ({ value: r, label: t(`label.partyRole.${r}`) }))}
                />
              )}
            />
            {entry.role === 'agent' && <AgentFields index={index} />}
            <SegmentedControl
              size="xs"
              value={party.kind}
              onChange={switchKind}
              disabled={reused}
              data={[
                { value: 'person', label: t('party.person') },
                { value: 'organization', label: t('party.organization') },
              ]}
            />
            {reused && (
              <Badge color="teal" variant="light">
                {t('party.reused')} {masked}
              </Badge>
            )}
            {reused && (
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => setValue(`${base}.partyId`, undefined)}
              >
                {t('party.unlink')}
              </Button>
            )}
          </Group>
          {canRemove && (
            <Tooltip label={t('common.remove')}>
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={onRemove}
                aria-label={t('common.remove')}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
        {party.kind === 'person' ? (
          <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="xs">
            <TextInput
              label={t('party.name')}
              withAsterisk
              {...register(`${base}.party.name`)}
              error={err('name')}
            />
            <Controller
              control={control}
              name={`${base}.party.sex`}
              render={({ field }) => (
                <Input.Wrapper label={t('party.sex')} error={err('sex')}>
                  <SegmentedControl
                    fullWidth
                    aria-label={t('party.sex')}
                    value={field.value}
                    onChange={field.onChange}
                    data={SEXES.map((s) => ({ value: s, label: t(`label.sex.${s}`) }))}
                  />
                </Input.Wrapper>
              )}
            />
            <TextInput
              label={t('party.idNumber')}
              disabled={reused}
              {...register(`${base}.party.idNumber`)}
              error={err('idNumber')}
              styles={{ input: { fontFamily: 'monospace' } }}
              maxLength={18}
            />
            <TextInput
              label={t('party.phone')}
              disabled={reused}
              {...register(`${base}.party.phone`)}
              error={err('phone')}
            />
          </SimpleGrid>
        ) : (
          <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="xs">
            <TextInput
              label={t('party.orgName')}
              withAsterisk
              {...register(`${base}.party.name`)}
              error={err('name')}
            />
            <TextInput
              label={t('party.creditCode')}
              disabled={reused}
              {...register(`${base}.party.creditCode`)}
              error={err('creditCode')}
              styles={{ input: { fontFamily: 'monospace' } }}
              maxLength={18}
            />
            <TextInput
              label={t('party.legalRepresentative')}
              {...register(`${base}.party.legalRepresentative`)}
              error={err('legalRepresentative')}
            />
            <TextInput
              label={t('party.phone')}
              disabled={reused}
              {...register(`${base}.party.phone`)}
              error={err('phone')}
            />
          </SimpleGrid>
        )}
        <TextInput
          label={t('party.address')}
          {...register(`${base}.party.address`)}
          error={err('address')}
        />
        {!reused && (
          <PartyLookup
            kind={party.kind}
            name={party.name}
            number={(party.kind === 'person' ? party.idNumber : party.creditCode) ?? ''}
            phone={party.phone ?? ''}
            excludeIds={usedPartyIds}
            onUse={use}
          />
        )}
      </Stack>
    </Paper>
  );
}
