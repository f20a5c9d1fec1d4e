import { useState } from 'react';
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Draft, SECTIONS, useDeleteDraft, useDrafts } from '../../api/workplaces.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { formatDateTime } from '../../format.ts';
import { workplaceDraftPath } from '../paths.ts';
import { personName } from './workplace-labels.ts';
import classes from './workplaces.module.css';

/** The caller's unfinished set-ups ("Entwurf fortsetzen"), hidden when there are none. */
export function DraftsPanel({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const drafts = useDrafts(companyId);
  const discard = useDeleteDraft(companyId);
  const [asking, setAsking] = useState<Draft | null>(null);
  const items = (drafts.data?.items ?? []).filter((draft) => draft.workplaceId === null);
  if (items.length === 0) {
    return null;
  }
  const title = t('workplaces.drafts.title');
  const nameOf = (draft: Draft) =>
    personName(draft.data.user ?? {}) || t('workplaces.drafts.unnamed');

  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        <ul className={classes.list} aria-label={title}>
          {items.map((draft) => (
            <li key={draft.id}>
              <Group gap="md" justify="space-between">
                <Text size="sm">
                  {t('workplaces.drafts.entry', {
                    name: nameOf(draft),
                    date: formatDateTime(draft.updatedAt),
                    done: draft.completed.length,
                    total: SECTIONS.length,
                  })}
                </Text>
                <Group gap="xs">
                  <Anchor
                    component={Link}
                    to={workplaceDraftPath(draft.id)}
                    size="sm"
                    aria-label={t('workplaces.drafts.continueNamed', { name: nameOf(draft) })}
                  >
                    {t('workplaces.drafts.continue')}
                  </Anchor>
                  <Button
                    variant="default"
                    size="compact-sm"
                    color="red.9"
                    aria-label={t('workplaces.drafts.discardNamed', { name: nameOf(draft) })}
                    onClick={() => setAsking(draft)}
                  >
                    {t('workplaces.drafts.discard')}
                  </Button>
                </Group>
              </Group>
            </li>
          ))}
        </ul>
      </Stack>
      <ConfirmDialog
        opened={asking !== null}
        title={t('workplaces.drafts.discardTitle')}
        confirmLabel={t('workplaces.drafts.discard')}
        pending={discard.isPending}
        error={discard.error?.message ?? null}
        danger
        onClose={() => setAsking(null)}
        onConfirm={() =>
          asking !== null && discard.mutate(asking.id, { onSuccess: () => setAsking(null) })
        }
      >
        {t('workplaces.drafts.discardConfirm')}
      </ConfirmDialog>
    </Paper>
  );
}
