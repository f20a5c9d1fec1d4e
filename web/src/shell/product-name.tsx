import { Anchor, Skeleton, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMeta } from '../api/meta.ts';

/** The operator's product name from /api/v1/meta; nothing when it cannot be loaded. */
export function ProductName() {
  const { t } = useTranslation();
  const meta = useMeta();

  if (meta.isPending) {
    return (
      <Skeleton height={20} width={140} radius="sm">
        <VisuallyHidden>{t('app.productNameLoading')}</VisuallyHidden>
      </Skeleton>
    );
  }
  if (meta.isError) {
    return null;
  }
  return (
    <Anchor component={Link} to="/" fw={700} fz="lg" c="dark" underline="hover">
      {meta.data.productName}
    </Anchor>
  );
}
