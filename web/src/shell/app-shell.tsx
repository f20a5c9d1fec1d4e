import { AppShell } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../api/auth.ts';
import { HeaderBar } from './header-bar.tsx';
import { homeOfView, viewOfPath } from './nav-config.ts';
import { NavLinks } from './nav-links.tsx';
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
          views={signedIn ? allowedViews : []}
          view={view}
          onViewChange={switchView}
          navOpened={navOpened}
          onNavToggle={signedIn ? nav.toggle : undefined}
        />
      </AppShell.Header>
      {signedIn && (
        <AppShell.Navbar p="sm" aria-label={t('nav.label')}>
          <NavLinks view={view} onNavigate={nav.close} />
        </AppShell.Navbar>
      )}
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
