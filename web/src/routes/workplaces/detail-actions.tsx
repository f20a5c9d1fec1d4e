import { useState } from 'react';
import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Workplace, useDeleteWorkplace, useSetWorkplaceActive } from '../../api/workplaces.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { formatDate } from '../../format.ts';
import { CART_PATH } from '../paths.ts';

type Asking = 'deactivate' | 'reactivate' | 'delete' | null;

/** Deaktivieren (base data kept), Reaktivieren, Löschen (only after the minimum term, via the cart). */
export function DetailActions({
  companyId,
  workplace,
}: {
  companyId: string;
  workplace: Workplace;
}) {
  const { t } = useTranslation();
  const activity = useSetWorkplaceActive(companyId, workplace.id);
  const remove = useDeleteWorkplace(companyId, workplace.id);
  const [asking, setAsking] = useState<Asking>(null);
  const [done, setDone] = useState<string | null>(null);
  const pending = activity.isPending || remove.isPending;
  const error = asking === 'delete' ? remove.error : activity.error;

  const open = (next: Asking) => {
    activity.reset();
    remove.reset();
    setDone(null);
    setAsking(next);
  };
  const confirm = () => {
    if (asking === 'delete') {
      remove.mutate(null, {
        onSuccess: () => {
          setAsking(null);
          setDone('delete');
        },
      });
    } else if (asking !== null) {
      activity.mutate(asking === 'reactivate', {
        onSuccess: () => {
          setDone(asking);
          setAsking(null);
        },
      });
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="detail-actions">
      <Stack gap="sm">
        <Title order={2} size="h4" id="detail-actions">
          {t('workplaces.detail.actionsTitle')}
        </Title>
        <Text size="sm">
          {workplace.deletableFrom !== null
            ? t('workplaces.detail.deletableFrom', { date: formatDate(workplace.deletableFrom) })
            : t('workplaces.detail.termNote')}
        </Text>
        <Group gap="sm">
          {workplace.status === 'active' && (
            <Button variant="default" onClick={() => open('deactivate')}>
              {t('workplaces.detail.deactivate')}
            </Button>
          )}
          {workplace.status === 'deactivated' && (
            <Button variant="default" onClick={() => open('reactivate')}>
              {t('workplaces.detail.reactivate')}
            </Button>
          )}
          {(workplace.status === 'active' || workplace.status === 'deactivated') && (
            <Button variant="default" color="red.9" onClick={() => open('delete')}>
              {t('workplaces.detail.delete')}
            </Button>
          )}
        </Group>
        <div role="status">
          {done !== null && (
            <Alert color="teal" variant="light">
              {t(`workplaces.detail.done.${done as 'delete' | 'deactivate' | 'reactivate'}`)}
            </Alert>
          )}
        </div>
        {done === 'delete' && (
          <Anchor component={Link} to={CART_PATH} size="sm">
            {t('workplaces.cart.toCart')}
          </Anchor>
        )}
      </Stack>
      <ConfirmDialog
        opened={asking !== null}
        title={asking === null ? '' : t(`workplaces.detail.confirm.${asking}.title`)}
        confirmLabel={asking === null ? '' : t(`workplaces.detail.confirm.${asking}.submit`)}
        pending={pending}
        error={error?.message ?? null}
        danger={asking === 'delete'}
        onClose={() => setAsking(null)}
        onConfirm={confirm}
      >
        {asking === null ? '' : t(`workplaces.detail.confirm.${asking}.body`)}
      </ConfirmDialog>
    </Paper>
  );
}
