import { useState } from 'react';
import { Stack, Table, Text, Title, Button, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  type FrameworkEntry,
  useMobileFramework,
  useRemoveFrameworkEntry,
} from '../../../api/mobile-framework.ts';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { FrameworkEntryForm } from './framework-entry-form.tsx';

/**
 * "Mobilfunk-Rahmenvertrag" (seed 001, MagentaEINS Business Integration): the company's mobile
 * numbers and ranges with their tariffs. The wizard integrates these numbers without asking for
 * the customer account number.
 */
export function MobileFrameworkTab({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const entries = useMobileFramework(companyId);
  const remove = useRemoveFrameworkEntry(companyId);
  const [removing, setRemoving] = useState<FrameworkEntry | null>(null);
  const close = () => {
    setRemoving(null);
    remove.reset();
  };

  return (
    <Stack gap="md">
      <Title order={2} size="h3" id="mobile-framework-heading">
        {t('mobileFramework.title')}
      </Title>
      <Text>{t('mobileFramework.intro')}</Text>
      <QueryState isPending={entries.isPending} error={entries.error} />
      {entries.data !== undefined &&
        (entries.data.items.length === 0 ? (
          <Text>{t('mobileFramework.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table aria-labelledby="mobile-framework-heading" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('mobileFramework.prefix')}</Table.Th>
                  <Table.Th scope="col">{t('mobileFramework.kind')}</Table.Th>
                  <Table.Th scope="col">{t('mobileFramework.tariff')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.data.items.map((entry) => (
                  <Table.Tr key={entry.id}>
                    <Table.Td>{entry.display}</Table.Td>
                    <Table.Td>{t(`mobileFramework.kinds.${entry.kind}`)}</Table.Td>
                    <Table.Td>
                      {entry.tariffName}
                      <Text span size="sm" c="dimmed">
                        {` (${t(`catalog.tariff.segments.${entry.tariffSegment}`)})`}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setRemoving(entry)}
                        aria-label={t('mobileFramework.removeNamed', { prefix: entry.display })}
                      >
                        {t('mobileFramework.remove')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ))}
      <Title order={3} size="h4" id="mobile-framework-add-heading">
        {t('mobileFramework.addTitle')}
      </Title>
      <FrameworkEntryForm companyId={companyId} />
      <ConfirmDialog
        opened={removing !== null}
        title={t('mobileFramework.removeTitle')}
        confirmLabel={t('mobileFramework.remove')}
        danger
        pending={remove.isPending}
        error={remove.error?.message ?? null}
        onClose={close}
        onConfirm={() => {
          if (removing !== null) {
            remove.mutate(removing.id, { onSuccess: close });
          }
        }}
      >
        {t('mobileFramework.removeConfirm', {
          prefix: removing?.display ?? '',
          tariff: removing?.tariffName ?? '',
        })}
      </ConfirmDialog>
    </Stack>
  );
}
