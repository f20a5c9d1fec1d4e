import { useState } from 'react';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Company } from '../../api/companies.ts';
import { CompanyFacts } from '../../components/company-facts.tsx';
import { CompanyEditForm } from './company-edit-form.tsx';
import { ContractEditForm } from './contract-edit-form.tsx';

type Mode = 'view' | 'company' | 'contract';

/** "Übersicht": the data, and for operators the forms to change company data and contract. */
export function CompanyOverviewTab({ company }: { company: Company }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('view');
  const [saved, setSaved] = useState<string | null>(null);
  const done = (message: string) => {
    setMode('view');
    setSaved(message);
  };

  if (mode === 'company') {
    return (
      <CompanyEditForm
        company={company}
        onDone={() => done(t('companyDetail.companySaved'))}
        onCancel={() => setMode('view')}
      />
    );
  }
  if (mode === 'contract') {
    return (
      <ContractEditForm
        company={company}
        onDone={() => done(t('companyDetail.contractSaved'))}
        onCancel={() => setMode('view')}
      />
    );
  }
  return (
    <Stack gap="lg">
      {saved !== null && (
        <Alert color="teal" variant="light" role="status" withCloseButton={false}>
          {saved}
        </Alert>
      )}
      <Group gap="sm">
        <Button variant="default" onClick={() => setMode('company')}>
          {t('companyDetail.editCompany')}
        </Button>
        <Button variant="default" onClick={() => setMode('contract')}>
          {t('companyDetail.editContract')}
        </Button>
      </Group>
      <CompanyFacts company={company} />
    </Stack>
  );
}
