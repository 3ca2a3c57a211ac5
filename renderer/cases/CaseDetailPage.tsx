import {
  Anchor,
  Badge,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useApiQuery } from '../api/hooks';
import { ErrorState } from '../shared/ErrorState';
import { formatAmount, formatDateTime } from '../shared/format';
import { useStudioName, useStudios } from '../shared/studios';
import { CaseDocumentsPanel } from '../documents/CaseDocumentsPanel';
import { CaseSessionsPanel } from '../schedule/CaseSessionsPanel';
import { CaseActions } from './actions/CaseActions';
import { CasePartiesTable } from './CasePartiesTable';
import { DeadlineBadge } from './DeadlineBadge';
import { FollowUps } from './FollowUps';
import { LinkedCases } from './LinkedCases';
import { CaseTimeline } from './CaseTimeline';
import { StatusBadge } from './StatusBadge';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </Stack>
  );
}

export function CaseDetailPage({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const detail = useApiQuery('cases/get', { id }, { enabled: Number.isInteger(id) && id > 0 });
  const studios = useStudios();
  const studioName = useStudioName();

  if (detail.isPending) {
    return (
      <Group justify="center" p="xl">
        <Loader />
      </Group>
    );
  }
  if (detail.isError)
    return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const c = detail.data;
  const none = t('common.none');

  return (
    <Stack>
      <Anchor component={Link} href="/cases" size="sm">
        ← {t('nav.cases')}
      </Anchor>
      <Paper withBorder p="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Title order={2} data-testid="case-number">
              {c.number}
            </Title>
            <Group gap="xs">
              <StatusBadge status={c.status} />
              <Badge variant="outline">
                {studioName(studios.data?.find((s) => s.id === c.studioId))}
              </Badge>
              <Badge
                variant="outline"
                color={
                  c.riskLevel === 'high' ? 'red' : c.riskLevel === 'medium' ? 'yellow' : 'gray'
                }
              >
                {t('case.risk')}: {t(`label.risk.${c.riskLevel}`)}
              </Badge>
            </Group>
          </Stack>
          <Stack gap={4} align="flex-end">
            {c.deadline && <DeadlineBadge deadline={c.deadline} />}
            <Text size="sm" c="dimmed">
              {t('case.registeredAt')}: {formatDateTime(c.registeredAt)}
            </Text>
            <Text size="sm" c="dimmed" data-testid="case-mediators">
              {t('case.mediators')}:{' '}
              {c.mediators.length > 0 ? c.mediators.map((m) => m.displayName).join('、') : none}
            </Text>
          </Stack>
        </Group>
        <Group mt="sm">
          <CaseActions
            caseId={c.id}
            version={c.version}
            studioId={c.studioId}
            mediatorIds={c.mediators.map((m) => m.staffId)}
            allowed={c.allowedActions}
            onChanged={() => void detail.refetch()}
          />
        </Group>
      </Paper>
      <Tabs defaultValue="overview" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="overview">{t('case.overview')}</Tabs.Tab>
          <Tabs.Tab value="parties">{t('case.parties')}</Tabs.Tab>
          <Tabs.Tab value="sessions">{t('case.sessions')}</Tabs.Tab>
          <Tabs.Tab value="documents">{t('case.documents')}</Tabs.Tab>
          <Tabs.Tab value="timeline">{t('case.timeline')}</Tabs.Tab>
          <Tabs.Tab value="linked">{t('case.linked')}</Tabs.Tab>
          <Tabs.Tab value="followUp">{t('case.followUp')}</Tabs.Tab>
        </Tabs.List>
        <Paper withBorder p="md" mt="xs">
          <Tabs.Panel value="overview">
            <Stack>
              <SimpleGrid cols={{ base: 2, md: 4 }}>
                <Field label={t('cases.category')}>{t(`label.category.${c.category}`)}</Field>
                <Field label={t('case.source')}>{t(`label.source.${c.source}`)}</Field>
                <Field label={t('case.amount')}>
                  {formatAmount(c.amountFen, i18n.language) ?? none}
                </Field>
                <Field label={t('cases.parties')}>{c.parties.map((p) => p.name).join('、')}</Field>
              </SimpleGrid>
              <Field label={t('case.summary')}>{c.summary}</Field>
              <Field label={t('case.requests')}>{c.requests || none}</Field>
              {c.outcome && (
                <Field label={t('field.outcome')}>
                  {t(`label.outcome.${c.outcome}`)}
                  {c.advisedRoute ? `（${t(`label.advisedRoute.${c.advisedRoute}`)}）` : ''}
                  {c.outcomeNote ? `\n${c.outcomeNote}` : ''}
                </Field>
              )}
              {c.declineReason && <Field label={t('field.reason')}>{c.declineReason}</Field>}
              {c.referredTo && (
                <Field label={t('field.referredTo')}>
                  {c.referredTo}
                  {c.referralReason ? `\n${c.referralReason}` : ''}
                </Field>
              )}
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="parties">
            <CasePartiesTable parties={c.parties} caseId={c.id} />
          </Tabs.Panel>
          <Tabs.Panel value="timeline">
            <CaseTimeline events={c.events} />
          </Tabs.Panel>
          <Tabs.Panel value="linked">
            <LinkedCases detail={c} />
          </Tabs.Panel>
          <Tabs.Panel value="followUp">
            <FollowUps
              followUps={c.followUps}
              canRecord={c.allowedActions.includes('recordFollowUp')}
              onChanged={() => void detail.refetch()}
            />
          </Tabs.Panel>
          <Tabs.Panel value="sessions">
            <CaseSessionsPanel
              caseId={c.id}
              studioId={c.studioId}
              status={c.status}
              onChanged={() => void detail.refetch()}
            />
          </Tabs.Panel>
          <Tabs.Panel value="documents">
            <CaseDocumentsPanel detail={c} onChanged={() => void detail.refetch()} />
          </Tabs.Panel>
        </Paper>
      </Tabs>
    </Stack>
  );
}
