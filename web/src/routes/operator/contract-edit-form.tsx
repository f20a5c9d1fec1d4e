import { type FormEvent, useState } from 'react';
import { Alert, Button, Group, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Company, useUpdateContract } from '../../api/companies.ts';
import { serverFieldErrors } from '../../forms/field-errors.ts';
import { focusFirstInvalid } from '../../forms/focus-first-invalid.ts';
import {
  type ContractDraft,
  contractPayload,
  contractServerErrors,
  draftOf,
  validateContract,
} from './contract-draft.ts';
import { ContractFields } from './contract-fields.tsx';

interface ContractEditFormProps {
  company: Company;
  onDone: () => void;
  onCancel: () => void;
}

/** Status, start date, address, products, quota, parallel calls and licences (operators only). */
export function ContractEditForm({ company, onDone, onCancel }: ContractEditFormProps) {
  const { t } = useTranslation();
  const update = useUpdateContract(company.id);
  const [draft, setDraft] = useState<ContractDraft>(() => draftOf(company.contract));
  const [submitted, setSubmitted] = useState(false);
  const fromServer = serverFieldErrors(update.error);
  const errors = {
    // The PATCH body is the contract itself; accept both "city" and "contract.city".
    ...contractServerErrors(fromServer, ''),
    ...contractServerErrors(fromServer, 'contract.'),
    ...(submitted ? validateContract(draft, t) : {}),
  };
  const unassigned = update.error !== null && Object.keys(fromServer).length === 0;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(validateContract(draft, t)).length > 0) {
      update.reset();
      focusFirstInvalid(event.currentTarget);
      return;
    }
    update.mutate(contractPayload(draft), { onSuccess: onDone });
  };

  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="edit-contract-heading">
      <Stack gap="md" maw={960}>
        <Title order={2} size="h3" id="edit-contract-heading">
          {t('companyDetail.editContract')}
        </Title>
        {unassigned && (
          <Alert color="red" variant="light" role="alert">
            {update.error.message}
          </Alert>
        )}
        <ContractFields idPrefix="edit" value={draft} onChange={setDraft} errors={errors} />
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
