import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSelectedCompany } from '../../api/selected-company.ts';
import { AuditLog } from '../../components/audit-log.tsx';
import { CompanyPicker } from '../../components/company-picker.tsx';
import { usePageTitle } from '../../page-title.ts';

/** "Protokoll": who changed what in the admin's company. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const { company } = useSelectedCompany();
  usePageTitle(t('audit.title'));

  return (
    <Stack gap="lg">
      <Title order={1}>{t('audit.title')}</Title>
      <CompanyPicker />
      {company === null ? (
        <Text>{t('company.noCompany')}</Text>
      ) : (
        <>
          <Text>{t('audit.intro', { company: company.name })}</Text>
          <AuditLog key={company.id} companyId={company.id} />
        </>
      )}
    </Stack>
  );
}
