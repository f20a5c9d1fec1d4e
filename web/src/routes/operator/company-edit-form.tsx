import { type FormEvent, useState } from 'react';
import { Alert, Button, Group, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Company, useUpdateCompany } from '../../api/companies.ts';
import { serverFieldErrors } from '../../forms/field-errors.ts';
import { focusFirstInvalid } from '../../forms/focus-first-invalid.ts';

interface CompanyEditFormProps {
  company: Company;
  onDone: () => void;
  onCancel: () => void;
}

/** Name and contact e-mail of a company (operators only). */
export function CompanyEditForm({ company, onDone, onCancel }: CompanyEditFormProps) {
  const { t } = useTranslation();
  const update = useUpdateCompany(company.id);
  const [name, setName] = useState(company.name);
  const [contactEmail, setContactEmail] = useState(company.contactEmail ?? '');
  const [errors, setErrors] = useState<{ name?: string; contactEmail?: string }>({});
  const fromServer = serverFieldErrors(update.error);
  const unassigned = update.error !== null && Object.keys(fromServer).length === 0;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const email = contactEmail.trim();
    const next: typeof errors = {};
    if (name.trim() === '') {
      next.name = t('form.required');
    }
    if (email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      next.contactEmail = t('form.emailInvalid');
    }
    setErrors(next);
    if (Object.keys(next).length > 0) {
      focusFirstInvalid(event.currentTarget);
      return;
    }
    update.mutate(
      { name: name.trim(), contactEmail: email === '' ? null : email },
      { onSuccess: onDone },
    );
  };

  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="edit-company-heading">
      <Stack gap="md" maw={520}>
        <Title order={2} size="h3" id="edit-company-heading">
          {t('companyDetail.editCompany')}
        </Title>
        {unassigned && (
          <Alert color="red" variant="light" role="alert">
            {update.error.message}
          </Alert>
        )}
        <TextInput
          label={t('company.name')}
          required
          autoComplete="off"
          value={name}
          error={errors.name ?? fromServer.name}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <TextInput
          label={t('company.contactEmail')}
          description={t('company.contactEmailHint')}
          type="email"
          autoComplete="off"
          value={contactEmail}
          error={errors.contactEmail ?? fromServer.contactEmail}
          onChange={(event) => setContactEmail(event.currentTarget.value)}
        />
        <Group gap="sm">
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
