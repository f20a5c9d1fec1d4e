import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { matchRoutes } from 'react-router';
import type { Role } from '../api/auth.ts';
import { QueryState } from '../components/query-state.tsx';
import type { HelpTopic } from './help/help-topics.ts';
import { HelpPage } from './help/help-page.tsx';
import { LoginPage } from './login/login-page.tsx';
import { NotFoundPage } from './not-found/not-found-page.tsx';
import * as paths from './paths.ts';
import { PlaceholderPage } from './placeholder/placeholder-page.tsx';

/**
 * Pages other than login, help and 404 load on demand: the login page needs a fraction of the
 * app, and each console page brings its own forms.
 */
function lazyPage(load: () => Promise<ComponentType>): ComponentType {
  const Lazy = lazy(async () => ({ default: await load() }));
  return function LazyPage() {
    return (
      <Suspense fallback={<QueryState isPending error={null} />}>
        {' '}
        <Lazy />
      </Suspense>
    );
  };
}

const AuditLogPage = lazyPage(() =>
  import('./company/audit-log-page.tsx').then((m) => m.AuditLogPage),
);
const MyCompanyPage = lazyPage(() =>
  import('./company/my-company-page.tsx').then((m) => m.MyCompanyPage),
);
const NumbersPlanPage = lazyPage(() =>
  import('./numbers/numbers-plan-page.tsx').then((m) => m.NumbersPlanPage),
);
const OnboardingPage = lazyPage(() =>
  import('./onboarding/onboarding-page.tsx').then((m) => m.OnboardingPage),
);
const BlockingProfilesPage = lazyPage(() =>
  import('./org/blocking-profiles-page.tsx').then((m) => m.BlockingProfilesPage),
);
const GroupsPage = lazyPage(() => import('./org/groups-page.tsx').then((m) => m.GroupsPage));
const CatalogPage = lazyPage(() =>
  import('./operator/catalog/catalog-page.tsx').then((m) => m.CatalogPage),
);
const ProviderPage = lazyPage(() =>
  import('./operator/provider/provider-page.tsx').then((m) => m.ProviderPage),
);
const CompaniesPage = lazyPage(() =>
  import('./operator/companies-page.tsx').then((m) => m.CompaniesPage),
);
const CompanyCreatePage = lazyPage(() =>
  import('./operator/company-create-page.tsx').then((m) => m.CompanyCreatePage),
);
const CompanyDetailPage = lazyPage(() =>
  import('./operator/company-detail-page.tsx').then((m) => m.CompanyDetailPage),
);
const OutboxPage = lazyPage(() => import('./operator/outbox-page.tsx').then((m) => m.OutboxPage));
const CartPage = lazyPage(() => import('./orders/cart-page.tsx').then((m) => m.CartPage));
const QuotasPage = lazyPage(() => import('./orders/quotas-page.tsx').then((m) => m.QuotasPage));
const OperatorOrdersPage = lazyPage(() =>
  import('./orders/operator-orders-page.tsx').then((m) => m.OperatorOrdersPage),
);
const WorkplacesPage = lazyPage(() =>
  import('./workplaces/workplaces-page.tsx').then((m) => m.WorkplacesPage),
);
const WorkplaceStartPage = lazyPage(() =>
  import('./workplaces/workplace-start-page.tsx').then((m) => m.WorkplaceStartPage),
);
const WorkplaceDraftPage = lazyPage(() =>
  import('./workplaces/workplace-draft-page.tsx').then((m) => m.WorkplaceDraftPage),
);
const WorkplaceDetailPage = lazyPage(() =>
  import('./workplaces/workplace-detail-page.tsx').then((m) => m.WorkplaceDetailPage),
);
const ImportPage = lazyPage(() => import('./imports/import-page.tsx').then((m) => m.ImportPage));
const ProfilePage = lazyPage(() => import('./profile/profile-page.tsx').then((m) => m.ProfilePage));
const FirstLoginPage = lazyPage(() =>
  import('./myportal/first-login-page.tsx').then((m) => m.FirstLoginPage),
);
const MyPortalOverviewPage = lazyPage(() =>
  import('./myportal/overview-page.tsx').then((m) => m.MyPortalOverviewPage),
);
const DeviceSettingsPage = lazyPage(() =>
  import('./myportal/devices-page.tsx').then((m) => m.DeviceSettingsPage),
);
const DownloadsPage = lazyPage(() =>
  import('./myportal/downloads-page.tsx').then((m) => m.DownloadsPage),
);
const RegisterPage = lazyPage(() =>
  import('./register/register-page.tsx').then((m) => m.RegisterPage),
);

export { LOGIN_PATH } from './paths.ts';

/** public: everybody; guest: only signed out (else home); session: only signed in (else login). */
export type Access = 'public' | 'guest' | 'session';

export interface AppRoute {
  path: string;
  /** The topic the Direkthilfe link opens on this page. */
  helpTopic: HelpTopic;
  access: Access;
  /** With access 'session': the roles that may open the page (others go to their home page). */
  roles?: readonly Role[];
  element: ReactNode;
}

const OPERATOR: readonly Role[] = ['operator'];
const ADMIN: readonly Role[] = ['admin'];

export const APP_ROUTES: readonly AppRoute[] = [
  { path: paths.LOGIN_PATH, helpTopic: 'anmeldung', access: 'guest', element: <LoginPage /> },
  {
    path: paths.REGISTER_PATH,
    helpTopic: 'registrieren',
    access: 'guest',
    element: <RegisterPage />,
  },
  {
    path: paths.ONBOARDING_PATH,
    helpTopic: 'freischalten',
    access: 'session',
    // Admins and end users unlock further companies with an invitation's code.
    roles: ['portal', 'admin', 'end_user'],
    element: <OnboardingPage />,
  },
  {
    path: '/',
    helpTopic: 'uebersicht',
    access: 'session',
    roles: ADMIN,
    element: <PlaceholderPage title="pages.overview.title" />,
  },
  {
    path: paths.MY_COMPANY_PATH,
    helpTopic: 'unternehmen',
    access: 'session',
    roles: ADMIN,
    element: <MyCompanyPage />,
  },
  {
    path: paths.MY_NUMBERS_PATH,
    helpTopic: 'rufnummernplan',
    access: 'session',
    roles: ADMIN,
    element: <NumbersPlanPage />,
  },
  {
    path: paths.MY_GROUPS_PATH,
    helpTopic: 'gruppen',
    access: 'session',
    roles: ADMIN,
    element: <GroupsPage />,
  },
  {
    path: paths.MY_BLOCKING_PROFILES_PATH,
    helpTopic: 'sperrprofile',
    access: 'session',
    roles: ADMIN,
    element: <BlockingProfilesPage />,
  },
  {
    path: paths.MY_AUDIT_LOG_PATH,
    helpTopic: 'protokoll',
    access: 'session',
    roles: ADMIN,
    element: <AuditLogPage />,
  },
  {
    path: paths.MY_WORKPLACE_PATH,
    helpTopic: 'arbeitsplatz',
    access: 'session',
    roles: ['admin', 'end_user'],
    element: <MyPortalOverviewPage />,
  },
  {
    path: paths.MY_DEVICES_PATH,
    helpTopic: 'endgeraete',
    access: 'session',
    roles: ['admin', 'end_user'],
    element: <DeviceSettingsPage />,
  },
  {
    path: paths.MY_DOWNLOADS_PATH,
    helpTopic: 'downloads',
    access: 'session',
    roles: ['admin', 'end_user'],
    element: <DownloadsPage />,
  },
  {
    path: paths.FIRST_LOGIN_PATH,
    helpTopic: 'erstanmeldung',
    access: 'guest',
    element: <FirstLoginPage />,
  },
  {
    path: paths.FORGOT_PASSWORD_PATH,
    helpTopic: 'erstanmeldung',
    access: 'guest',
    element: <FirstLoginPage />,
  },
  { path: paths.PROFILE_PATH, helpTopic: 'profil', access: 'session', element: <ProfilePage /> },
  {
    path: paths.OPERATOR_COMPANIES_PATH,
    helpTopic: 'betreiber',
    access: 'session',
    roles: OPERATOR,
    element: <CompaniesPage />,
  },
  {
    path: paths.OPERATOR_NEW_COMPANY_PATH,
    helpTopic: 'unternehmen-anlegen',
    access: 'session',
    roles: OPERATOR,
    element: <CompanyCreatePage />,
  },
  {
    path: `${paths.OPERATOR_COMPANIES_PATH}/:companyId`,
    helpTopic: 'unternehmen-details',
    access: 'session',
    roles: OPERATOR,
    element: <CompanyDetailPage />,
  },
  {
    path: paths.OPERATOR_OUTBOX_PATH,
    helpTopic: 'postausgang',
    access: 'session',
    roles: OPERATOR,
    element: <OutboxPage />,
  },
  {
    path: paths.OPERATOR_CATALOG_PATH,
    helpTopic: 'katalog',
    access: 'session',
    roles: OPERATOR,
    element: <CatalogPage />,
  },
  {
    path: paths.OPERATOR_PROVIDER_PATH,
    helpTopic: 'anbieter',
    access: 'session',
    roles: OPERATOR,
    element: <ProviderPage />,
  },
  {
    path: paths.CART_PATH,
    helpTopic: 'warenkorb',
    access: 'session',
    roles: ['admin', 'operator'],
    element: <CartPage />,
  },
  {
    path: paths.MY_ORDERS_PATH,
    helpTopic: 'auftraege',
    access: 'session',
    roles: ADMIN,
    element: <QuotasPage />,
  },
  {
    path: paths.OPERATOR_ORDERS_PATH,
    helpTopic: 'betreiber-auftraege',
    access: 'session',
    roles: OPERATOR,
    element: <OperatorOrdersPage />,
  },
  {
    path: paths.MY_WORKPLACES_PATH,
    helpTopic: 'arbeitsplaetze',
    access: 'session',
    roles: ADMIN,
    element: <WorkplacesPage />,
  },
  {
    path: paths.NEW_WORKPLACE_PATH,
    helpTopic: 'arbeitsplatz-einrichten',
    access: 'session',
    roles: ADMIN,
    element: <WorkplaceStartPage />,
  },
  {
    path: paths.WORKPLACE_IMPORT_PATH,
    helpTopic: 'listenimport',
    access: 'session',
    roles: ADMIN,
    element: <ImportPage />,
  },
  {
    path: `${paths.MY_WORKPLACES_PATH}/entwurf/:draftId`,
    helpTopic: 'arbeitsplatz-einrichten',
    access: 'session',
    roles: ADMIN,
    element: <WorkplaceDraftPage />,
  },
  {
    path: `${paths.MY_WORKPLACES_PATH}/:workplaceId`,
    helpTopic: 'arbeitsplatz-details',
    access: 'session',
    roles: ADMIN,
    element: <WorkplaceDetailPage />,
  },
  { path: '/hilfe/:topic', helpTopic: 'start', access: 'public', element: <HelpPage /> },
  { path: '*', helpTopic: 'start', access: 'public', element: <NotFoundPage /> },
];

/** The help topic of the route that renders `pathname`. */
export function helpTopicOf(pathname: string): HelpTopic {
  const matches = matchRoutes(
    APP_ROUTES.map((route) => ({ ...route })),
    pathname,
  );
  return matches?.at(-1)?.route.helpTopic ?? 'start';
}
