import { Badge, Button, Group, Select, Table, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../src/api/contract';
import { SIGN_METHODS, type SignMethod } from '../../src/documents/document.schema';
import { callResult } from '../api/client';

type View = MethodOutput<'agreements/get'>;
type Version = View['versions'][number];

interface SignerRow {
  readonly key: string;
  readonly label: string;
  readonly signer:
    | { kind: 'party'; partyId: number; organization: boolean }
    | { kind: 'mediator' }
    | { kind: 'committee' };
}

/**
 * Who has signed the printed version: each party (signed, sealed or fingerprinted), the
 * mediator, the committee's seal. The last one in makes the agreement effective.
 */
export function SignaturePanel(props: {
  view: View;
  version: Version;
  today: string;
  editable: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { view, version } = props;
  const rows: SignerRow[] = [
    ...version.content.parties.map((p) => {
      const party = view.parties.find((x) => x.partyId === p.partyId);
      return {
        key: `party:${p.partyId}`,
        label: `${party ? t(`label.partyRole.${party.role}`) : ''}：${party?.name ?? p.partyId}`,
        signer: {
          kind: 'party' as const,
          partyId: p.partyId,
          organization: party?.kind === 'organization',
        },
      };
    }),
    { key: 'mediator', label: t('doc.sign.mediator'), signer: { kind: 'mediator' } },
    { key: 'committee', label: t('doc.sign.committee'), signer: { kind: 'committee' } },
  ];
  return (
    <Table aria-label={t('doc.sign.title')} data-testid="signatures">
      <Table.Tbody>
        {rows.map((row) => {
          const done = version.signatures.find((s) => s.signer === row.key);
          return (
            <Table.Tr key={row.key} data-testid={`signer-${row.key}`}>
              <Table.Td w="30%">{row.label}</Table.Td>
              <Table.Td>
                {done ? (
                  <Badge color="teal" variant="light">
                    {t(`label.signMethod.${done.method}`)} · {done.signedOn}
                  </Badge>
                ) : (
                  <Badge color="gray" variant="light">
                    {t('doc.sign.missing')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {props.editable && !done && (
                  <SignForm
                    row={row}
                    versionId={version.id}
                    today={props.today}
                    onDone={props.onChanged}
                  />
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function SignForm(props: { row: SignerRow; versionId: number; today: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { signer } = props.row;
  const [method, setMethod] = useState<SignMethod>(
    signer.kind === 'party' && signer.organization ? 'sealed' : 'signed',
  );
  const [date, setDate] = useState(props.today);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const record = async () => {
    setBusy(true);
    setError(undefined);
    const result = await callResult('agreements/sign', {
      versionId: props.versionId,
      signer:
        signer.kind === 'party'
          ? { kind: 'party', partyId: signer.partyId, method }
          : { kind: signer.kind },
      signedOn: date,
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.fields?.signedOn ?? result.error.message);
      return;
    }
    if (result.value.effectiveOn !== null) {
      notifications.show({
        color: 'teal',
        message: t('doc.sign.effective', { date: result.value.effectiveOn }),
      });
    }
    props.onDone();
  };
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      {signer.kind === 'party' && (
        <Select
          size="xs"
          w={110}
          aria-label={t('doc.sign.method')}
          allowDeselect={false}
          value={method}
          onChange={(v) => v && setMethod(v as SignMethod)}
          data={SIGN_METHODS.map((m) => ({ value: m, label: t(`label.signMethod.${m}`) }))}
        />
      )}
      <TextInput
        size="xs"
        type="date"
        w={150}
        aria-label={t('doc.sign.date')}
        value={date}
        onChange={(e) => setDate(e.target.value)}
        error={error}
      />
      <Button size="xs" variant="light" loading={busy} onClick={() => void record()}>
        {t('doc.sign.record')}
      </Button>
    </Group>
  );
}
