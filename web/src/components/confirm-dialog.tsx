import type { ReactNode } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DialogFrame } from './dialog-frame.tsx';

interface ConfirmDialogProps {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pending: boolean;
  /** The server's message when the action failed. */
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
  /** Red confirm button for destructive actions. */
  danger?: boolean;
}

/** Asks before an action that cannot be undone. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { t } = useTranslation();
  const { opened, title, children, confirmLabel, pending, error, danger = false } = props;
  return (
    <DialogFrame opened={opened} onClose={props.onClose} title={title}>
      <Stack gap="md">
        <Text>{children}</Text>
        {error !== null && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button color={danger ? 'red.9' : undefined} loading={pending} onClick={props.onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </DialogFrame>
  );
}
