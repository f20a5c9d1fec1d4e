import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSelectedCompany } from '../api/selected-company.ts';

/** Lets an admin of several companies choose the one to work on; hidden with just one. */
export function CompanyPicker() {
  const { t } = useTranslation();
  const { company, companies, select } = useSelectedCompany();
  if (companies.length < 2 || company === null) {
    return null;
  }
  return (
    <NativeSelect
      label={t('company.picker')}
      value={company.id}
      onChange={(event) => select(event.currentTarget.value)}
      data={companies.map((entry) => ({
        value: entry.id,
        label: `${entry.name} (${entry.customerNumber})`,
      }))}
      maw={420}
    />
  );
}
