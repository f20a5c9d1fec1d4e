import { useState } from 'react';
import {
  Alert,
  Button,
  List,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSelectedCompany } from '../../api/selected-company.ts';
import { type DraftStart, useCreateDraft, useTemplates } from '../../api/workplaces.ts';
import { CompanyPicker } from '../../components/company-picker.tsx';
import { usePageTitle } from '../../page-title.ts';
import { workplaceDraftPath } from '../paths.ts';

/** "Arbeitsplatz einrichten": manual, from a template, or with the standard settings. */
export function WorkplaceStartPage() {
  const { t } = useTranslation();
  const { company } = useSelectedCompany();
  usePageTitle(t('workplaces.wizard.title'));
  return (
    <Stack gap="lg" maw={1100}>
      <Title order={1}>{t('workplaces.wizard.title')}</Title>
      <CompanyPicker />
      {company === null ? (
        <Text>{t('company.noCompany')}</Text>
      ) : (
        <StartOptions key={company.id} companyId={company.id} />
      )}
    </Stack>
  );
}

function StartOptions({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateDraft(companyId);
  const templates = useTemplates(companyId);
  const items = templates.data?.items ?? [];
  const [templateId, setTemplateId] = useState('');
  const chosenTemplate = templateId || items[0]?.id || '';
  const [started, setStarted] = useState<string | null>(null);

  const start = (kind: string, body: DraftStart) => {
    setStarted(kind);
    create.mutate(body, {
      onSuccess: (draft) => void navigate(workplaceDraftPath(draft.id)),
    });
  };
  const pending = (kind: string) => create.isPending && started === kind;

  return (
    <Stack gap="md">
      <Text>{t('workplaces.start.intro')}</Text>
      <Text>{t('workplaces.start.options')}</Text>
      <div role="alert">
        {create.error !== null && (
          <Alert color="red" variant="light">
            {create.error.message}
          </Alert>
        )}
      </div>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <Paper withBorder p="md" component="section" aria-labelledby="start-manual">
          <Stack gap="sm" h="100%">
            <Title order={2} size="h4" id="start-manual">
              {t('workplaces.start.manualTitle')}
            </Title>
            <Text size="sm">{t('workplaces.start.manual')}</Text>
            <Button mt="auto" loading={pending('manual')} onClick={() => start('manual', {})}>
              {t('workplaces.start.manualStart')}
            </Button>
          </Stack>
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="start-template">
          <Stack gap="sm" h="100%">
            <Title order={2} size="h4" id="start-template">
              {t('workplaces.start.templateTitle')}
            </Title>
            <Text size="sm">{t('workplaces.start.template')}</Text>
            <List size="sm">
              <List.Item>{t('workplaces.start.templateGroup')}</List.Item>
              <List.Item>{t('workplaces.start.templateProfile')}</List.Item>
              <List.Item>{t('workplaces.start.templateDesktop')}</List.Item>
              <List.Item>{t('workplaces.start.templateAddons')}</List.Item>
            </List>
            {items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('workplaces.start.noTemplates')}
              </Text>
            ) : (
              <NativeSelect
                label={t('workplaces.start.templateSelect')}
                value={chosenTemplate}
                onChange={(event) => setTemplateId(event.currentTarget.value)}
                data={items.map((template) => ({ value: template.id, label: template.name }))}
              />
            )}
            <Button
              mt="auto"
              disabled={chosenTemplate === ''}
              loading={pending('template')}
              onClick={() => start('template', { templateId: chosenTemplate })}
            >
              {t('workplaces.start.templateStart')}
            </Button>
          </Stack>
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="start-standard">
          <Stack gap="sm" h="100%">
            <Title order={2} size="h4" id="start-standard">
              {t('workplaces.start.standardTitle')}
            </Title>
            <Text size="sm">{t('workplaces.start.standard')}</Text>
            <Text size="sm">{t('workplaces.start.standardAdvice')}</Text>
            <Button
              mt="auto"
              loading={pending('standard')}
              onClick={() => start('standard', { standard: true })}
            >
              {t('workplaces.start.standardStart')}
            </Button>
          </Stack>
        </Paper>
      </SimpleGrid>
      <Alert color="blue" variant="light" title={t('workplaces.note')}>
        {t('workplaces.start.editLater')}
      </Alert>
    </Stack>
  );
}
