import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCompany } from '../../api/companies.ts';
import { useSelectedCompany } from '../../api/selected-company.ts';
import { AdminsPanel } from '../../components/admins-panel.tsx';
import { CompanyFacts } from '../../components/company-facts.tsx';
import { CompanyPicker } from '../../components/company-picker.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { usePageTitle } from '../../page-title.ts';
import { ONBOARDING_PATH } from '../paths.ts';

/** "Mein Unternehmen": the admin's company, its contract and its administrators. */
export function MyCompanyPage() {
  const { t } = useTranslation();
  const { company: selected } = useSelectedCompany();
  const company = useCompany(selected?.id);
  usePageTitle(t('pages.company.title'));

  return (
    <Stack maw={960} gap="lg">
      <Title order={1}>{t('pages.company.title')}</Title>
      <CompanyPicker />
      {selected === null ? (
        <Text>{t('company.noCompany')}</Text>
      ) : (
        <>
          <QueryState isPending={company.isPending} error={company.error} />
          {company.data !== undefined && (
            <>
              <Text size="lg" fw={500}>
                {company.data.name}
              </Text>
              <CompanyFacts company={company.data} />
              <AdminsPanel
                companyId={company.data.id}
                admins={company.data.admins}
                canRemove={false}
              />
            </>
          )}
        </>
      )}
      <Text size="sm">
        {t('company.furtherCompany')}{' '}
        <Anchor component={Link} to={ONBOARDING_PATH}>
          {t('company.unlockFurther')}
        </Anchor>
      </Text>
    </Stack>
  );
}
