import { Button, Group, Loader, Menu, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconFilePlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../src/api/contract';
import type { DocumentKind } from '../../src/documents/document.schema';
import { centerDate } from '../../src/shared/center-time';
import { callResult } from '../api/client';
import { useApiQuery } from '../api/hooks';
import { ErrorState } from '../shared/ErrorState';
import { AgreementSection } from './AgreementSection';
import { DocumentList, printedCode, useDocumentOutput } from './DocumentList';
import { GenerateDialog, KINDS_WITH_FORM, type Generated } from './GenerateDialog';

type Detail = MethodOutput<'cases/get'>;

const TERMINATING = ['no_agreement', 'refused', 'withdrawn'];

/** The papers this case can have now (the core refuses the others too). */
function issuable(detail: Detail): DocumentKind[] {
  const open = ['registered', 'accepted', 'in_mediation'].includes(detail.status);
  const started = !['registered', 'declined', 'referred'].includes(detail.status);
  return [
    'acceptance_receipt' as const,
    ...(open ? (['session_notice'] as const) : []),
    ...(started ? (['mediation_record'] as const) : []),
    ...(detail.outcome === 'oral_agreement' ? (['oral_agreement'] as const) : []),
    ...(detail.agreementEffectiveOn ? (['confirmation_application'] as const) : []),
    ...(TERMINATING.includes(detail.outcome ?? '') ? (['termination_notice'] as const) : []),
    ...(detail.followUps.some((f) => f.visitedAt !== null) ? (['follow_up_record'] as const) : []),
    ...(started ? (['dossier'] as const) : []),
  ];
}

/** The case page's documents tab: the agreement, papers to issue, and everything printed. */
export function CaseDocumentsPanel(props: { detail: Detail; onChanged: () => void }) {
  const { t } = useTranslation();
  const today = centerDate(new Date());
  const { detail } = props;
  const list = useApiQuery('documents/list', { caseId: detail.id });
  const output = useDocumentOutput();
  const [asking, setAsking] = useState<DocumentKind | null>(null);
  const [busy, setBusy] = useState(false);

  const done = async (generated: Generated) => {
    setAsking(null);
    await list.refetch();
    await output.run(generated.id, 'print', {
      title: `${t(generated.reused ? 'doc.generated.reused' : 'doc.generated.new', {
        title: generated.title,
      })} · ${t('doc.generated.code', { code: printedCode(generated.code), pages: generated.pages })}`,
      warning:
        generated.missing.length > 0
          ? t('doc.generated.missing', { chars: generated.missing.join(' ') })
          : undefined,
    });
  };

  const issue = async (kind: DocumentKind) => {
    if (KINDS_WITH_FORM.includes(kind)) {
      setAsking(kind);
      return;
    }
    setBusy(true);
    const result = await callResult('documents/generate', {
      kind: kind as 'acceptance_receipt',
      caseId: detail.id,
    });
    setBusy(false);
    if (!result.ok) {
      notifications.show({ color: 'red', message: result.error.message });
      return;
    }
    await done(result.value);
  };

  const showAgreement = ['accepted', 'in_mediation', 'concluded', 'archived'].includes(
    detail.status,
  );
  return (
    <Stack data-testid="case-documents">
      {showAgreement && (
        <AgreementSection
          caseId={detail.id}
          today={today}
          onChanged={() => {
            void list.refetch();
            props.onChanged();
          }}
        />
      )}
      <Group justify="space-between">
        <Title order={5}>{t('doc.list.title')}</Title>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button
              size="xs"
              leftSection={<IconFilePlus size={14} />}
              rightSection={<IconChevronDown size={14} />}
              loading={busy}
            >
              {t('doc.issue')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {issuable(detail).map((kind) => (
              <Menu.Item key={kind} onClick={() => void issue(kind)}>
                {t(`label.documentKind.${kind}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      </Group>
      {list.isPending ? (
        <Loader size="sm" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DocumentList documents={list.data} />
      )}
      {asking && (
        <GenerateDialog
          kind={asking}
          detail={detail}
          onClose={() => setAsking(null)}
          onDone={(g) => void done(g)}
        />
      )}
    </Stack>
  );
}
