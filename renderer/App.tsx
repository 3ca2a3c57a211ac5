import { createTheme, MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Router } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { AuthGate } from './auth/AuthGate';
import { AppLayout } from './shell/AppLayout';
import { AppRoutes } from './shell/AppRoutes';

const theme = createTheme({
  primaryColor: 'indigo',
  fontFamily:
    '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, -apple-system, "Segoe UI", sans-serif',
  defaultRadius: 'sm',
});

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: true, staleTime: 5_000 } },
});

export function App() {
  return (
    <MantineProvider theme={theme}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <ModalsProvider>
          {/* Hash routes work the same from file:// (Electron) and http:// (preview). */}
          <Router hook={useHashLocation}>
            <AuthGate>
              <AppLayout>
                <AppRoutes />
              </AppLayout>
            </AuthGate>
          </Router>
        </ModalsProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
