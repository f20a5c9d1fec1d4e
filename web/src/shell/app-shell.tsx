import { AppShell, Stack, Text, useMantineTheme } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../api/auth.ts';
import { HeaderBar } from './header-bar.tsx';
import { homeOfView, viewOfPath } from './nav-config.ts';
import { NavLinks } from './nav-links.tsx';
import { UserMenu } from './user-menu.tsx';
import { ViewSwitch } from './view-switch.tsx';
import { type View, allowedViewsFor, useStoredView } from './views.ts';

/** The frame of every page: header, navbar (when signed in) and the routed page in <main>. */
export function ShellLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const session = useSession();
  const user = session.data ?? null;
  const signedIn = user !== null;
  const allowedViews = allowedViewsFor(user);
  const [storedView, setStoredView] = useStoredView(allowedViews);
  const [navOpened, nav] = useDisclosure(false);
  const theme = useMantineTheme();
  // Mantine only slides the collapsed navbar off-screen; `inert` keeps its links out of the tab
  // order and the accessibility tree. Same query as AppShell's breakpoint ("sm", minus 0.1px).
  const smallScreen = useMediaQuery(
    `(max-width: ${parseFloat(theme.breakpoints.sm) - 0.1 / 16}em)`,
  );

  // A page that belongs to one view shows that view, whatever was chosen last.
  const routeView = viewOfPath(location.pathname);
  const view = routeView !== null && allowedViews.includes(routeView) ? routeView : storedView;

  const switchView = (next: View) => {
    setStoredView(next);
    nav.close();
    void navigate(homeOfView(next));
  };

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={
        signedIn ? { width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpened } } : undefined
      }
      padding="md"
    >
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <HeaderBar
          user={user}
          views={signedIn ? allowedViews : []}
          view={view}
          onViewChange={switchView}
          navOpened={navOpened}
          onNavToggle={signedIn ? nav.toggle : undefined}
        />
      </AppShell.Header>
      {signedIn && (
        <AppShell.Navbar p="sm" aria-label={t('nav.label')} inert={smallScreen && !navOpened}>
          <Stack hiddenFrom="sm" mb="md" gap="sm">
            <Text size="sm" fw={500}>
              {t('header.signedInAs', { name: user.displayName || user.username })}
            </Text>
            <UserMenu user={user} compact />
            <ViewSwitch
              name="view-navbar"
              vertical
              views={allowedViews}
              value={view}
              onChange={switchView}
            />
          </Stack>
          <NavLinks view={view} onNavigate={nav.close} />
        </AppShell.Navbar>
      )}
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
