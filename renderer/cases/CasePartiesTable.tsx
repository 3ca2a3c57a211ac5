import { ActionIcon, Group, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEye } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../src/api/contract';
import { REVEAL_ROLES } from '../../src/settings/settings.schema';
import { callResult } from '../api/client';
import { useSession } from '../auth/session';

type CaseParty = MethodOutput<'cases/get'>['parties'][number];
type Revealable = 'idNumber' | 'phone';

/**
 * A masked number with a button that asks the core for it whole (`parties/reveal`, written to
 * the audit log): an explicit act, for those whose role allows it (DESIGN §7).
 */
function useReveal(caseId: number | undefined) {
  const { t } = useTranslation();
  const { caller } = useSession();
  const [shown, setShown] = useState<Record<string, string | null>>({});
  const allowed =
    caseId !== undefined &&
    caller.roles.some((r) => (REVEAL_ROLES as readonly string[]).includes(r));
  return (party: CaseParty, field: Revealable, masked: string): ReactNode => {
    const key = `${party.partyId}:${field}`;
    if (Object.hasOwn(shown, key)) return shown[key] ?? masked;
    if (!allowed || !masked.includes('*')) return masked;
    const reveal = async () => {
      const result = await callResult('parties/reveal', { caseId, partyId: party.partyId, field });
      if (result.ok) setShown((s) => ({ ...s, [key]: result.value.value }));
      else notifications.show({ color: 'red', message: result.error.message });
    };
    return (
      <Group gap={4} wrap="nowrap">
        <span>{masked}</span>
        <Tooltip label={`${t('reveal.show')} · ${t('reveal.logged')}`}>
          <ActionIcon
            size="sm"
            variant="subtle"
            color="gray"
            aria-label={`${t('reveal.show')}：${party.name} ${t(`party.${field}`)}`}
            onClick={() => void reveal()}
          >
            <IconEye size={14} />
          </ActionIcon>
        </Tooltip>
      </Group>
    );
  };
}

export function CasePartiesTable({
  parties,
  caseId,
}: {
  parties: readonly CaseParty[];
  /** The case the parties belong to; with it, numbers can be revealed. */
  caseId?: number;
}) {
  const { t } = useTranslation();
  const none = t('common.none');
  const reveal = useReveal(caseId);
  return (
    <Table verticalSpacing="xs" aria-label={t('case.parties')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('party.role')}</Table.Th>
          <Table.Th>{t('party.name')}</Table.Th>
          <Table.Th>{t('party.sex')}</Table.Th>
          <Table.Th>
            {t('party.idNumber')} / {t('party.creditCode')}
          </Table.Th>
          <Table.Th>{t('party.phone')}</Table.Th>
          <Table.Th>{t('party.address')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {parties.map((p) => (
          <Table.Tr key={`${p.partyId}-${p.role}`}>
            <Table.Td>
              {t(`label.partyRole.${p.role}`)}
              {p.role === 'agent' && p.representsPartyId !== null && (
                <Text span size="xs" c="dimmed" display="block">
                  {t('party.agentFor', {
                    name: parties.find((q) => q.partyId === p.representsPartyId)?.name ?? '',
                    authority: p.agentAuthority ? t(`label.authority.${p.agentAuthority}`) : '',
                  })}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              {p.name}
              {p.kind === 'organization' && p.legalRepresentative
                ? `（${t('party.legalRepresentative')}：${p.legalRepresentative}）`
                : ''}
            </Table.Td>
            <Table.Td>{p.sex ? t(`label.sex.${p.sex}`) : none}</Table.Td>
            <Table.Td ff="monospace">
              {p.idNumber !== null ? reveal(p, 'idNumber', p.idNumber) : (p.creditCode ?? none)}
            </Table.Td>
            <Table.Td ff="monospace">
              {p.phone !== null ? reveal(p, 'phone', p.phone) : none}
            </Table.Td>
            <Table.Td>{p.address ?? none}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
