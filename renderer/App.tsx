import { createTheme, MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Router } from 'wouter';
import { AuthGate } from './auth/AuthGate';
import { AppLayout } from './shell/AppLayout';
import { AppRoutes } from './shell/AppRoutes';
import { useHashQueryLocation } from './shell/hash-location';

const theme = createTheme({
  primaryColor: 'indigo',
  fontFamily:
    '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, -apple-system, "Segoe UI", sans-serif',
  defaultRadius: 'sm',
});

/**
 * No refetch on focus: the live refresh (renderer/api/live-refresh.ts) polls the change marker at
 * once on focus and refreshes only what changed, quietly. A plain focus refetch would also run
 * while the window is locked, answer LOCKED, and put error panels where unsaved forms were.
 */
const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 } },
});

/** Date pickers speak the interface language (month and weekday names), weeks start on Monday. */
function LocalizedDates({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'zh-cn';
  return <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}

export function App() {
  return (
    <MantineProvider theme={theme}>
      <LocalizedDates>
        <Notifications position="top-right" />
        <QueryClientProvider client={queryClient}>
          <ModalsProvider>
            {/* Hash routes (with their query) work the same from file:// and http:// (preview). */}
            <Router hook={useHashQueryLocation}>
              <AuthGate>
                <AppLayout>
                  <AppRoutes />
                </AppLayout>
              </AuthGate>
            </Router>
          </ModalsProvider>
        </QueryClientProvider>
      </LocalizedDates>
    </MantineProvider>
  );
}
