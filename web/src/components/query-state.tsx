import { Alert, Center, Loader, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface QueryStateProps {
  isPending: boolean;
  error: Error | null;
}

/** The loader while data loads and the error message when it failed; nothing otherwise. */
export function QueryState({ isPending, error }: QueryStateProps) {
  const { t } = useTranslation();
  if (error !== null) {
    return (
      <Alert color="red" variant="light" role="alert" title={t('common.loadFailed')}>
        {error.message}
      </Alert>
    );
  }
  if (isPending) {
    return (
      <Center py="lg" role="status">
        <Loader size="sm" />
        <VisuallyHidden>{t('app.loading')}</VisuallyHidden>
      </Center>
    );
  }
  return null;
}
