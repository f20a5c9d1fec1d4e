import { useState } from 'react';
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type NumberBlock, useRemoveBlock } from '../../api/numbers.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';

/** "Block zurücknehmen" (operators): refused by the server while any of its numbers is used. */
export function RemoveBlockAction({ companyId, block }: { companyId: string; block: NumberBlock }) {
  const { t } = useTranslation();
  const remove = useRemoveBlock(companyId);
  const [confirming, setConfirming] = useState(false);
  const close = () => {
    setConfirming(false);
    remove.reset();
  };
  return (
    <>
      <Button
        variant="default"
        onClick={() => setConfirming(true)}
        aria-label={t('numbers.remove.named', { block: block.display })}
        style={{ height: 'auto' }}
      >
        {t('numbers.remove.action')}
      </Button>
      <ConfirmDialog
        opened={confirming}
        title={t('numbers.remove.title')}
        confirmLabel={t('numbers.remove.action')}
        danger
        pending={remove.isPending}
        error={remove.error?.message ?? null}
        onClose={close}
        onConfirm={() => remove.mutate(block.id, { onSuccess: close })}
      >
        {t('numbers.remove.confirm', { block: block.display })}
      </ConfirmDialog>
    </>
  );
}
