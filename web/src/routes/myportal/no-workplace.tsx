import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { QueryState } from '../../components/query-state.tsx';

/** Loading and errors of MyPortal pages; "no workplace" (admins, inactive) is a notice, not an error. */
export function MyPortalQueryState({
  isPending,
  error,
}: {
  isPending: boolean;
  error: Error | null;
}) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.code === 'myportal_no_workplace') {
    return (
      <Alert color="blue" variant="light" title={t('myportal.noWorkplaceTitle')}>
        {error.message}
      </Alert>
    );
  }
  return <QueryState isPending={isPending} error={error} />;
}
