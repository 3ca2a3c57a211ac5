import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconUserSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../src/api/contract';
import { useApiQuery } from '../api/hooks';
import { StatusBadge } from '../cases/StatusBadge';

export type PartyMatch = MethodOutput<'parties/search'>[number];

/** The best search key the receptionist has typed so far: a full ID, a phone, or a name. */
function searchKey(name: string, number: string, phone: string): string {
  if (number.trim().length === 18) return number.trim();
  if (phone.replace(/\D/g, '').length >= 7) return phone.trim();
  return name.trim().length >= 2 ? name.trim() : '';
}

/** Find-or-create while typing: stored parties matching what is entered, with earlier cases. */
export function PartyLookup(props: {
  name: string;
  number: string;
  phone: string;
  kind: 'person' | 'organization';
  excludeIds: readonly number[];
  onUse: (match: PartyMatch) => void;
}) {
  const { t } = useTranslation();
  const [q] = useDebouncedValue(searchKey(props.name, props.number, props.phone), 300);
  const search = useApiQuery('parties/search', { q }, { enabled: q.length >= 2 });
  const matches = (search.data ?? []).filter(
    (m) => m.kind === props.kind && !props.excludeIds.includes(m.id),
  );
  if (q.length < 2 || matches.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" icon={<IconUserSearch />} title={t('party.found')} p="xs">
      <Stack gap={6}>
        <Text size="xs">{t('party.foundText')}</Text>
        {matches.map((m) => (
          <Group key={m.id} justify="space-between" wrap="nowrap" data-testid="party-match">
            <Stack gap={2}>
              <Text size="sm" fw={500}>
                {m.name}{' '}
                <Text span size="xs" c="dimmed" ff="monospace">
                  {m.idNumber ?? m.creditCode ?? ''} {m.phone ?? ''}
                </Text>
              </Text>
              {m.cases.length > 0 && (
                <Group gap={4}>
                  <Badge color="red" variant="light" size="sm">
                    {t('party.repeat')} · {t('party.earlierCases', { count: m.cases.length })}
                  </Badge>
                  {m.cases.slice(0, 3).map((c) => (
                    <Group key={c.id} gap={2}>
                      <Text size="xs">{c.number}</Text>
                      <StatusBadge status={c.status} />
                    </Group>
                  ))}
                </Group>
              )}
            </Stack>
            <Button size="xs" variant="light" onClick={() => props.onUse(m)}>
              {t('party.use')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
