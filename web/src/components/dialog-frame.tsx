import type { ReactNode } from 'react';
import { Drawer, Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface DialogFrameProps {
  opened: boolean;
  onClose: () => void;
  title: ReactNode;
  children: ReactNode;
  /** A drawer from the right instead of a centred modal. */
  drawer?: boolean;
}

/**
 * Modal or drawer with a labelled close button. Mantine renders the header as <header>, which
 * screen readers announce as a second page banner; here it is a plain <div>.
 */
export function DialogFrame({
  opened,
  onClose,
  title,
  children,
  drawer = false,
}: DialogFrameProps) {
  const { t } = useTranslation();
  if (drawer) {
    return (
      <Drawer.Root opened={opened} onClose={onClose} position="right" size="lg">
        <Drawer.Overlay />
        <Drawer.Content>
          <Drawer.Header component="div">
            <Drawer.Title fw={600}>{title}</Drawer.Title>
            <Drawer.CloseButton aria-label={t('common.close')} />
          </Drawer.Header>
          <Drawer.Body>{children}</Drawer.Body>
        </Drawer.Content>
      </Drawer.Root>
    );
  }
  return (
    <Modal.Root opened={opened} onClose={onClose} centered>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header component="div">
          <Modal.Title fw={600}>{title}</Modal.Title>
          <Modal.CloseButton aria-label={t('common.close')} />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
