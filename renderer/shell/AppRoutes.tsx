import { Route, Switch } from 'wouter';
import { CaseDetailPage } from '../cases/CaseDetailPage';
import { CaseListPage } from '../cases/list/CaseListPage';
import { DocumentsPage } from '../documents/DocumentsPage';
import { HomePage } from '../home/HomePage';
import { IntakePage } from '../intake/IntakePage';
import { ReportsPage } from '../reports/ReportsPage';
import { SchedulePage } from '../schedule/SchedulePage';
import { SettingsPage } from '../settings/SettingsPage';
import { ComingSoon } from '../shared/ComingSoon';

export function AppRoutes() {
  return (
    <Switch>
      <Route path="/" component={HomePage} />
      <Route path="/intake" component={IntakePage} />
      <Route path="/cases" component={CaseListPage} />
      <Route path="/cases/:id">{(params) => <CaseDetailPage id={Number(params.id)} />}</Route>
      <Route path="/schedule" component={SchedulePage} />
      <Route path="/documents" component={DocumentsPage} />
      <Route path="/reports" component={ReportsPage} />
      <Route path="/settings/:section?">
        {(params) => <SettingsPage section={params.section} />}
      </Route>
      <Route>{() => <ComingSoon title="common.coming" />}</Route>
    </Switch>
  );
}
