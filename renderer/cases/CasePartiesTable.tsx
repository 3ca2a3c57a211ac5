import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../src/api/contract';

type CaseParty = MethodOutput<'cases/get'>['parties'][number];

export function CasePartiesTable({ parties }: { parties: readonly CaseParty[] }) {
  const { t } = useTranslation();
  const none = t('common.none');
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
            <Table.Td ff="monospace">{p.idNumber ?? p.creditCode ?? none}</Table.Td>
            <Table.Td ff="monospace">{p.phone ?? none}</Table.Td>
            <Table.Td>{p.address ?? none}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
