import { Alert, Anchor, Stack, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ListImport } from '../../api/imports.ts';
import { CART_PATH } from '../paths.ts';

/** The workplaces the import put into the cart (activation items, not yet ordered). */
export function ImportResult({ state }: { state: ListImport }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'de-DE';
  const created = state.result?.created ?? [];
  const skipped = state.result?.notImported ?? [];
  return (
    <Stack gap="sm">
      <Alert color="teal" variant="light" role="status">
        {t('import.done', { count: created.length })}{' '}
        {skipped.length > 0 && t('import.notImported', { rows: skipped.join(', ') })}
      </Alert>
      <Anchor component={Link} to={CART_PATH} style={{ alignSelf: 'flex-start' }}>
        {t('import.toCart')}
      </Anchor>
      <Table.ScrollContainer minWidth={700}>
        <Table striped verticalSpacing="xs" aria-label={t('import.createdCaption')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('import.name')}</Table.Th>
              <Table.Th scope="col">{t('import.username')}</Table.Th>
              <Table.Th scope="col">{t('import.number')}</Table.Th>
              <Table.Th scope="col">{t('import.internalNumber')}</Table.Th>
              <Table.Th scope="col">{t('import.activationDate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {created.map((w) => (
              <Table.Tr key={w.workplaceId}>
                <Table.Td>{w.name}</Table.Td>
                <Table.Td>{w.username}</Table.Td>
                <Table.Td>{w.mainNumber}</Table.Td>
                <Table.Td>{w.internalNumber}</Table.Td>
                <Table.Td>
                  {w.activationDate === null
                    ? t('import.asap')
                    : new Date(`${w.activationDate}T12:00:00Z`).toLocaleDateString(locale)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
