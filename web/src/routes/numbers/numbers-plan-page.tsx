import { useState } from 'react';
import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PhoneNumber } from '../../api/numbers.ts';
import { useSelectedCompany } from '../../api/selected-company.ts';
import { CompanyPicker } from '../../components/company-picker.tsx';
import { usePageTitle } from '../../page-title.ts';
import { AssignFunctionForm } from './assign-function-form.tsx';
import { DecadeLengthAction } from './lengthen-dialog.tsx';
import { NumberExplorer } from './number-explorer.tsx';

/** "Rufnummernplan": the admin's number blocks, their lengthening and company functions. */
export function NumbersPlanPage() {
  const { t } = useTranslation();
  const { company } = useSelectedCompany();
  usePageTitle(t('numbers.plan.title'));

  return (
    <Stack gap="lg" maw={1100}>
      <Title order={1}>{t('numbers.plan.title')}</Title>
      <CompanyPicker />
      {company === null ? (
        <Text>{t('company.noCompany')}</Text>
      ) : (
        <CompanyNumbers key={company.id} companyId={company.id} name={company.name} />
      )}
    </Stack>
  );
}

function CompanyNumbers({ companyId, name }: { companyId: string; name: string }) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<PhoneNumber | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <Text>{t('numbers.plan.intro', { company: name })}</Text>
      <NumberExplorer
        companyId={companyId}
        selectable
        onSelect={(number) => {
          setSelected(number);
          setMessage(null);
        }}
        decadeActions={(block, decade) => (
          <DecadeLengthAction companyId={companyId} block={block} decade={decade} />
        )}
      />
      {message !== null && (
        <Alert color="teal" variant="light" role="status">
          {message}
        </Alert>
      )}
      {selected !== null && (
        <AssignFunctionForm
          key={selected.e164}
          companyId={companyId}
          number={selected}
          onDone={(done) => {
            setSelected(null);
            setMessage(done);
          }}
        />
      )}
    </>
  );
}
