import { useState } from 'react';
import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCompanyBlocks, useGroups } from '../../api/org.ts';
import { useSelectedCompany } from '../../api/selected-company.ts';
import { CompanyPicker } from '../../components/company-picker.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { usePageTitle } from '../../page-title.ts';
import { CompanyCallInfo } from './company-call-info.tsx';
import { GroupForm } from './group-form.tsx';
import { GroupItem } from './group-item.tsx';
import classes from './org.module.css';

/** "Gruppen / Standorte verwalten" (admin view, under Mein Unternehmen). */
export function GroupsPage() {
  const { t } = useTranslation();
  const { company } = useSelectedCompany();
  usePageTitle(t('org.groups.title'));
  return (
    <Stack gap="lg" maw={1100}>
      <Title order={1}>{t('org.groups.title')}</Title>
      <CompanyPicker />
      {company === null ? (
        <Text>{t('company.noCompany')}</Text>
      ) : (
        <GroupsPanel key={company.id} companyId={company.id} companyName={company.name} />
      )}
    </Stack>
  );
}

/** The groups with their areas, numbers, profiles and call information. */
export function GroupsPanel({
  companyId,
  companyName,
}: {
  companyId: string;
  companyName: string;
}) {
  const { t } = useTranslation();
  const groups = useGroups(companyId);
  const blocks = useCompanyBlocks(companyId);
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const items = groups.data?.items;

  return (
    <Stack gap="md">
      <Text>{t('org.groups.intro')}</Text>
      <Alert color="blue" variant="light" title={t('org.groups.planTitle')}>
        {t('org.groups.plan')}
      </Alert>
      <QueryState isPending={groups.isPending} error={groups.error ?? blocks.error} />
      {items !== undefined && (
        <>
          <CompanyCallInfo companyId={companyId} companyName={companyName} groups={items} />
          <Button style={{ alignSelf: 'flex-start' }} onClick={() => setAdding(true)}>
            {t('org.groups.add')}
          </Button>
          <div role="status">
            {message !== null && (
              <Alert color="teal" variant="light">
                {message}
              </Alert>
            )}
          </div>
          <ul className={classes.list} aria-label={t('org.groups.list')}>
            {items.map((group) => (
              <GroupItem
                key={group.id}
                companyId={companyId}
                group={group}
                groups={items}
                blocks={blocks.data?.items ?? []}
                onDone={setMessage}
              />
            ))}
          </ul>
        </>
      )}
      {adding && (
        <GroupForm
          companyId={companyId}
          onClose={() => setAdding(false)}
          onDone={(text) => {
            setAdding(false);
            setMessage(text);
          }}
        />
      )}
    </Stack>
  );
}
