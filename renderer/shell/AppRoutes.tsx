import { Route, Switch } from 'wouter';
import { CaseDetailPage } from '../cases/CaseDetailPage';
import { CaseListPage } from '../cases/list/CaseListPage';
import { HomePage } from '../home/HomePage';
import { IntakePage } from '../intake/IntakePage';
import { ComingSoon } from '../shared/ComingSoon';

export function AppRoutes() {
  return (
    <Switch>
      <Route path="/" component={HomePage} />
      <Route path="/intake" component={IntakePage} />
      <Route path="/cases" component={CaseListPage} />
      <Route path="/cases/:id">{(params) => <CaseDetailPage id={Number(params.id)} />}</Route>
      <Route path="/schedule">{() => <ComingSoon title="nav.schedule" />}</Route>
      <Route path="/documents">{() => <ComingSoon title="nav.documents" />}</Route>
      <Route path="/reports">{() => <ComingSoon title="nav.reports" />}</Route>
      <Route path="/settings">{() => <ComingSoon title="nav.settings" />}</Route>
      <Route>{() => <ComingSoon title="common.coming" />}</Route>
    </Switch>
  );
}
