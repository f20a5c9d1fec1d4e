import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  type Template,
  useCreateDraft,
  useDeleteTemplate,
  useProducts,
  useTemplates,
} from '../../api/workplaces.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { formatDateTime } from '../../format.ts';
import { workplaceDraftPath } from '../paths.ts';
import { productName } from './workplace-labels.ts';

/** Mustervorlagen: start a workplace from one, or delete it. */
export function TemplatesPanel({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const templates = useTemplates(companyId);
  const products = useProducts();
  const remove = useDeleteTemplate(companyId);
  const create = useCreateDraft(companyId);
  const [asking, setAsking] = useState<Template | null>(null);
  const title = t('workplaces.templates.title');
  const items = templates.data?.items;

  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Text size="sm">{t('workplaces.templates.intro')}</Text>
        <QueryState isPending={templates.isPending} error={templates.error} />
        <div role="alert">
          {create.error !== null && (
            <Alert color="red" variant="light">
              {create.error.message}
            </Alert>
          )}
        </div>
        {items !== undefined && items.length === 0 && (
          <Text size="sm">{t('workplaces.templates.empty')}</Text>
        )}
        {items !== undefined && items.length > 0 && (
          <Table striped aria-label={title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('workplaces.templates.name')}</Table.Th>
                <Table.Th scope="col">{t('workplaces.templates.group')}</Table.Th>
                <Table.Th scope="col">{t('workplaces.templates.addons')}</Table.Th>
                <Table.Th scope="col">{t('workplaces.templates.updatedAt')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((template) => (
                <Table.Tr key={template.id}>
                  <Table.Td>{template.name}</Table.Td>
                  <Table.Td>{template.groupName}</Table.Td>
                  <Table.Td>
                    {template.addons.length === 0
                      ? t('workplaces.templates.noAddons')
                      : template.addons
                          .map((key) => productName(t, products.data?.items, key))
                          .join(', ')}
                  </Table.Td>
                  <Table.Td>{formatDateTime(template.updatedAt)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant="default"
                        loading={create.isPending && create.variables?.templateId === template.id}
                        aria-label={t('workplaces.templates.useNamed', { name: template.name })}
                        onClick={() =>
                          create.mutate(
                            { templateId: template.id },
                            { onSuccess: (draft) => void navigate(workplaceDraftPath(draft.id)) },
                          )
                        }
                      >
                        {t('workplaces.templates.use')}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="default"
                        color="red.9"
                        aria-label={t('workplaces.templates.deleteNamed', { name: template.name })}
                        onClick={() => setAsking(template)}
                      >
                        {t('workplaces.templates.delete')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <ConfirmDialog
        opened={asking !== null}
        title={t('workplaces.templates.deleteTitle')}
        confirmLabel={t('workplaces.templates.delete')}
        pending={remove.isPending}
        error={remove.error?.message ?? null}
        danger
        onClose={() => setAsking(null)}
        onConfirm={() =>
          asking !== null && remove.mutate(asking.id, { onSuccess: () => setAsking(null) })
        }
      >
        {t('workplaces.templates.deleteConfirm', { name: asking?.name ?? '' })}
      </ConfirmDialog>
    </Paper>
  );
}
