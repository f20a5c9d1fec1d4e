import type { ReactNode } from 'react';
import { Center, Loader, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../api/auth.ts';
import { type Access, LOGIN_PATH } from './routes.tsx';

interface AccessGateProps {
  access: Access;
  children: ReactNode;
}

/** Redirects between the login page and the signed-in pages according to the session. */
export function AccessGate({ access, children }: AccessGateProps) {
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
  const signedIn = session.data !== null && session.data !== undefined;
  if (access === 'session' && !signedIn) {
    return <Navigate to={LOGIN_PATH} replace state={{ from: location.pathname }} />;
  }
  if (access === 'guest' && signedIn) {
    return <Navigate to="/" replace />;
  }
  return children;
}
