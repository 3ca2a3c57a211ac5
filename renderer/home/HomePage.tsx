import { Badge, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconChartBar, IconListDetails, IconPrinter, IconUserPlus } from '@tabler/icons-react';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { centerDate } from '../../src/shared/center-time';
import { TodaySessionsCard } from '../schedule/TodaySessionsCard';
import type { Role } from '../../src/staff/staff.schema';
import { useSession } from '../auth/session';
import { CaseListCard, PlaceholderCard } from './HomeCard';
import { MyCasesCard } from './MyCasesCard';
import { StatusCountsCard } from './StatusCountsCard';

function RoleSection({ role, children }: { role: Role; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Stack
      gap="sm"
      component="section"
      aria-label={t(`label.role.${role}`)}
      data-testid={`home-${role}`}
    >
      <Group gap="xs">
        <Badge variant="dot" size="lg" tt="none">
          {t(`label.role.${role}`)}
        </Badge>
      </Group>
      {children}
    </Stack>
  );
}

/** 首页: the day's work for each role the signed-in person holds, one section per role. */
export function HomePage() {
  const { t } = useTranslation();
  const { caller } = useSession();
  const has = (role: Role) => caller.roles.includes(role);
  const today = centerDate(new Date());
  const working = has('reception') || has('mediator') || has('clerk') || has('director');

  return (
    <Stack gap="lg" maw={1400}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={2}>{t('home.welcome', { name: caller.displayName })}</Title>
          <Text c="dimmed" size="sm">
            {dayjs(today).format(t('roleHome.dateFormat'))}
          </Text>
        </Stack>
        {has('reception') && (
          <Button
            component={Link}
            href="/intake"
            size="lg"
            leftSection={<IconUserPlus size={22} />}
            data-testid="home-intake"
          >
            {t('nav.intake')}
          </Button>
        )}
      </Group>

      {has('reception') && (
        <RoleSection role="reception">
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <CaseListCard
              title={t('roleHome.reception.awaiting')}
              params={{ statuses: ['registered'] }}
              sort="registeredAt"
              direction="asc"
              columns={['parties', 'registered']}
              empty={t('roleHome.reception.awaitingEmpty')}
              countColor="orange"
              testId="home-awaiting"
            />
            <CaseListCard
              title={t('roleHome.reception.today')}
              params={{ registeredFrom: today, registeredTo: today }}
              sort="registeredAt"
              direction="desc"
              columns={['parties', 'status']}
              empty={t('roleHome.reception.todayEmpty')}
              countColor="indigo"
              testId="home-today-intake"
            />
          </SimpleGrid>
          <TodaySessionsCard title={t('roleHome.sessions.center')} today={today} />
        </RoleSection>
      )}

      {has('mediator') && (
        <RoleSection role="mediator">
          <MyCasesCard staffId={caller.staffId} />
          <TodaySessionsCard
            title={t('roleHome.sessions.mine')}
            today={today}
            staffId={caller.staffId}
          />
        </RoleSection>
      )}

      {has('clerk') && (
        <RoleSection role="clerk">
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <CaseListCard
              title={t('roleHome.clerk.toArchive')}
              params={{ statuses: ['concluded'] }}
              sort="registeredAt"
              direction="asc"
              columns={['parties', 'studio']}
              empty={t('roleHome.clerk.toArchiveEmpty')}
              countColor="teal"
              testId="home-to-archive"
            />
            <PlaceholderCard
              icon={<IconPrinter size={20} />}
              title={t('roleHome.clerk.agreements')}
              text={t('roleHome.clerk.agreementsPlaceholder')}
            />
          </SimpleGrid>
        </RoleSection>
      )}

      {has('director') && (
        <RoleSection role="director">
          <StatusCountsCard />
          <CaseListCard
            title={t('roleHome.director.overdue')}
            params={{ overdue: true }}
            sort="deadlineOn"
            direction="asc"
            columns={['parties', 'studio', 'status', 'deadline']}
            empty={t('roleHome.director.overdueEmpty')}
            countColor="red"
            testId="home-center-overdue"
          />
          <PlaceholderCard
            icon={<IconChartBar size={20} />}
            title={t('roleHome.director.rates')}
            text={t('roleHome.director.ratesPlaceholder')}
            testId="home-rates-placeholder"
          />
        </RoleSection>
      )}

      {!working && (
        <PlaceholderCard
          icon={<IconListDetails size={20} />}
          title={t('roleHome.other.title')}
          text={t('roleHome.other.text')}
        />
      )}
    </Stack>
  );
}
