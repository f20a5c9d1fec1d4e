import { type FormEvent, useState } from 'react';
import { Alert, Button, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Company, type Letter, useCreateCompany } from '../../api/companies.ts';
import { serverFieldErrors } from '../../forms/field-errors.ts';
import { focusFirstInvalid } from '../../forms/focus-first-invalid.ts';
import { usePageTitle } from '../../page-title.ts';
import { OPERATOR_COMPANIES_PATH } from '../paths.ts';
import { CompanyCreated } from './company-created.tsx';
import {
  type ContractDraft,
  contractPayload,
  contractServerErrors,
  emptyContract,
  validateContract,
} from './contract-draft.ts';
import { ContractFields } from './contract-fields.tsx';

type CompanyField = 'name' | 'customerNumber' | 'contactEmail';
type CompanyErrors = Partial<Record<CompanyField, string>>;

/** "Unternehmen anlegen": company, contract and the first welcome letter in one step. */
export function CompanyCreatePage() {
  const { t } = useTranslation();
  const create = useCreateCompany();
  const [name, setName] = useState('');
  const [customerNumber, setCustomerNumber] = useState('');
  const [contactEmail, setContactEmail] = useState('');
  const [contract, setContract] = useState<ContractDraft>(emptyContract);
  const [localErrors, setLocalErrors] = useState<CompanyErrors>({});
  const [showContractErrors, setShowContractErrors] = useState(false);
  const [created, setCreated] = useState<{ company: Company; letter: Letter } | null>(null);
  usePageTitle(t('companyCreate.title'));

  const fromServer = serverFieldErrors(create.error);
  const errorOf = (field: CompanyField) => localErrors[field] ?? fromServer[field];
  const contractShown = {
    ...contractServerErrors(fromServer, 'contract.'),
    // Once the form was submitted, contract problems show (and clear) while typing.
    ...(showContractErrors ? validateContract(contract, t) : {}),
  };
  const unassigned = create.error !== null && Object.keys(fromServer).length === 0;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: CompanyErrors = {};
    if (name.trim() === '') {
      errors.name = t('form.required');
    }
    if (customerNumber.trim() === '') {
      errors.customerNumber = t('form.required');
    }
    const email = contactEmail.trim();
    if (email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      errors.contactEmail = t('form.emailInvalid');
    }
    const contractProblems = validateContract(contract, t);
    setLocalErrors(errors);
    setShowContractErrors(true);
    if (Object.keys(errors).length > 0 || Object.keys(contractProblems).length > 0) {
      create.reset();
      focusFirstInvalid(event.currentTarget);
      return;
    }
    create.mutate(
      {
        name: name.trim(),
        customerNumber: customerNumber.trim(),
        contactEmail: email === '' ? null : email,
        contract: contractPayload(contract),
      },
      { onSuccess: setCreated },
    );
  };

  if (created !== null) {
    return <CompanyCreated company={created.company} letter={created.letter} />;
  }

  return (
    <Stack maw={960} gap="lg">
      <Title order={1}>{t('companyCreate.title')}</Title>
      <Text>{t('companyCreate.intro')}</Text>
      {unassigned && (
        <Alert color="red" variant="light" role="alert" title={t('companyCreate.failedTitle')}>
          {create.error.message}
        </Alert>
      )}
      <form noValidate onSubmit={onSubmit}>
        <Stack gap="xl">
          <section aria-labelledby="company-section">
            <Title order={2} size="h3" id="company-section" mb="sm">
              {t('company.dataTitle')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label={t('company.name')}
                required
                autoComplete="off"
                value={name}
                error={errorOf('name')}
                onChange={(event) => setName(event.currentTarget.value)}
              />
              <TextInput
                label={t('company.customerNumber')}
                required
                autoComplete="off"
                value={customerNumber}
                error={errorOf('customerNumber')}
                onChange={(event) => setCustomerNumber(event.currentTarget.value)}
              />
              <TextInput
                label={t('company.contactEmail')}
                description={t('company.contactEmailHint')}
                type="email"
                autoComplete="off"
                value={contactEmail}
                error={errorOf('contactEmail')}
                onChange={(event) => setContactEmail(event.currentTarget.value)}
              />
            </SimpleGrid>
          </section>
          <section aria-labelledby="contract-section">
            <Title order={2} size="h3" id="contract-section" mb="sm">
              {t('contract.title')}
            </Title>
            <ContractFields
              idPrefix="create"
              value={contract}
              errors={contractShown}
              onChange={setContract}
            />
          </section>
          <Group gap="sm">
            <Button type="submit" loading={create.isPending}>
              {t('companyCreate.submit')}
            </Button>
            <Button component={Link} to={OPERATOR_COMPANIES_PATH} variant="default">
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
