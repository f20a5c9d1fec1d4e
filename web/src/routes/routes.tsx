import type { ReactNode } from 'react';
import { matchRoutes } from 'react-router';
import type { HelpTopic } from './help/help-topics.ts';
import { HelpPage } from './help/help-page.tsx';
import { LoginPage } from './login/login-page.tsx';
import { NotFoundPage } from './not-found/not-found-page.tsx';
import { PlaceholderPage } from './placeholder/placeholder-page.tsx';

/** public: everybody; guest: only signed out (else to /); session: only signed in (else to login). */
export type Access = 'public' | 'guest' | 'session';

export interface AppRoute {
  path: string;
  /** The topic the Direkthilfe link opens on this page. */
  helpTopic: HelpTopic;
  access: Access;
  element: ReactNode;
}

export const LOGIN_PATH = '/anmelden';

export const APP_ROUTES: readonly AppRoute[] = [
  { path: LOGIN_PATH, helpTopic: 'anmeldung', access: 'guest', element: <LoginPage /> },
  {
    path: '/',
    helpTopic: 'uebersicht',
    access: 'session',
    element: <PlaceholderPage title="pages.overview.title" />,
  },
  {
    path: '/unternehmen',
    helpTopic: 'unternehmen',
    access: 'session',
    element: <PlaceholderPage title="pages.company.title" />,
  },
  {
    path: '/arbeitsplatz',
    helpTopic: 'arbeitsplatz',
    access: 'session',
    element: <PlaceholderPage title="pages.workplace.title" />,
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
