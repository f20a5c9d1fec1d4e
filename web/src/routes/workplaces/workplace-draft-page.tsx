import { useState } from 'react';
import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useSelectedCompany } from '../../api/selected-company.ts';
import { useDeleteDraft, useDraft } from '../../api/workplaces.ts';
import { CompanyPicker } from '../../components/company-picker.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { usePageTitle } from '../../page-title.ts';
import { MY_WORKPLACES_PATH } from '../paths.ts';
import { WorkplaceWizard } from './workplace-wizard.tsx';

/** The wizard for one server draft (reload, logout and errors lose nothing). */
export function WorkplaceDraftPage() {
  const { t } = useTranslation();
  const { company } = useSelectedCompany();
  const { draftId = '' } = useParams();
  usePageTitle(t('workplaces.wizard.title'));
  return (
    <Stack gap="lg" maw={1100}>
      <Anchor component={Link} to={MY_WORKPLACES_PATH} size="sm">
        {t('workplaces.backToList')}
      </Anchor>
      <Title order={1}>{t('workplaces.wizard.title')}</Title>
      <CompanyPicker />
      {company === null ? (
        <Text>{t('company.noCompany')}</Text>
      ) : (
        <DraftLoader key={`${company.id}-${draftId}`} companyId={company.id} draftId={draftId} />
      )}
    </Stack>
  );
}

function DraftLoader({ companyId, draftId }: { companyId: string; draftId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const draft = useDraft(companyId, draftId);
  const discard = useDeleteDraft(companyId);
  const [asking, setAsking] = useState(false);
  if (draft.data === undefined) {
    return <QueryState isPending={draft.isPending} error={draft.error} />;
  }
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm">{t('workplaces.wizard.intro')}</Text>
        <Button variant="default" color="red" onClick={() => setAsking(true)}>
          {t('workplaces.drafts.discard')}
        </Button>
      </Group>
      <WorkplaceWizard companyId={companyId} draft={draft.data} />
      <ConfirmDialog
        opened={asking}
        title={t('workplaces.drafts.discardTitle')}
        confirmLabel={t('workplaces.drafts.discard')}
        pending={discard.isPending}
        error={discard.error?.message ?? null}
        danger
        onClose={() => setAsking(false)}
        onConfirm={() =>
          discard.mutate(draftId, { onSuccess: () => void navigate(MY_WORKPLACES_PATH) })
        }
      >
        {t('workplaces.drafts.discardConfirm')}
      </ConfirmDialog>
    </Stack>
  );
}
