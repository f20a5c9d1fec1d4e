import { useEffect, useRef } from 'react';
import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Company, type Letter, documentUrl } from '../../api/companies.ts';
import { formatDate } from '../../format.ts';
import { OPERATOR_COMPANIES_PATH, operatorCompanyPath } from '../paths.ts';

/** Shown after "Unternehmen anlegen": the welcome letter to download and where to go next. */
export function CompanyCreated({ company, letter }: { company: Company; letter: Letter }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <Stack maw={760} gap="lg">
      <Title order={1} ref={heading} tabIndex={-1}>
        {t('companyCreate.doneTitle')}
      </Title>
      <Alert color="teal" variant="light" role="status">
        {t('companyCreate.done', { name: company.name, customerNumber: company.customerNumber })}
      </Alert>
      <Text>{t('letter.explain', { expiresAt: formatDate(letter.expiresAt) })}</Text>
      <Anchor href={documentUrl(company.id, letter.documentId)} download={letter.filename} fw={600}>
        {t('letter.download')}
      </Anchor>
      <Group gap="sm">
        <Button component={Link} to={operatorCompanyPath(company.id)}>
          {t('companyCreate.toCompany')}
        </Button>
        <Button component={Link} to={OPERATOR_COMPANIES_PATH} variant="default">
          {t('companyCreate.toList')}
        </Button>
      </Group>
    </Stack>
  );
}
