import type { ReactNode } from 'react';
import { Center, Loader, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { type Role, useSession } from '../api/auth.ts';
import { homeOfRole } from '../shell/nav-config.ts';
import { LOGIN_PATH } from './paths.ts';
import type { Access } from './routes.tsx';

interface AccessGateProps {
  access: Access;
  roles: readonly Role[] | undefined;
  children: ReactNode;
}

/** Redirects between the login page and the signed-in pages according to the session and role. */
export function AccessGate({ access, roles, children }: AccessGateProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSession();

  if (access === 'public') {
    return children;
  }
  if (session.isPending) {
    return (
      <Center py="xl" role="status">
        <Loader />
        <VisuallyHidden>{t('app.loading')}</VisuallyHidden>
      </Center>
    );
  }
  // Any failure to read the session counts as signed out; the login form reports server errors.
  const user = session.data ?? null;
  if (access === 'session' && user === null) {
    return <Navigate to={LOGIN_PATH} replace state={{ from: location.pathname }} />;
  }
  if (access === 'guest' && user !== null) {
    return <Navigate to={homeOfRole(user.role)} replace />;
  }
  if (user !== null && roles !== undefined && !roles.includes(user.role)) {
    return <Navigate to={homeOfRole(user.role)} replace />;
  }
  return children;
}
