import { type FormEvent, useState } from 'react';
import { Alert, Button, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type ProviderSettings, useProvider, useUpdateProvider } from '../../../api/provider.ts';
import { QueryState } from '../../../components/query-state.tsx';
import { formLevelError, serverFieldErrors } from '../../../forms/field-errors.ts';
import { usePageTitle } from '../../../page-title.ts';
import { type DownloadDraft, DownloadsEditor, fromDrafts, toDrafts } from './downloads-editor.tsx';

type Field = Exclude<keyof ProviderSettings, 'downloads'>;
const FIELDS: { name: Field; multiline?: boolean; required?: boolean }[] = [
  { name: 'name', required: true },
  { name: 'productName', required: true },
  { name: 'logoUrl' },
  { name: 'supportEmail' },
  { name: 'supportPhone' },
  { name: 'helpBaseUrl', required: true },
  { name: 'postalAddress', multiline: true },
];

/**
 * White-label settings of the installation: names, logo, support contact, help base URL and the
 * links of MyPortal's "Hilfe & Downloads".
 */
export function ProviderPage() {
  const { t } = useTranslation();
  usePageTitle(t('provider.title'));
  const provider = useProvider();
  return (
    <Stack gap="lg" maw={640}>
      <Title order={1}>{t('provider.title')}</Title>
      <Text>{t('provider.intro')}</Text>
      <QueryState isPending={provider.isPending} error={provider.error} />
      {provider.data && <ProviderForm initial={provider.data} />}
    </Stack>
  );
}

function ProviderForm({ initial }: { initial: ProviderSettings }) {
  const { t } = useTranslation();
  const update = useUpdateProvider();
  const [values, setValues] = useState<Record<Field, string>>(
    () =>
      Object.fromEntries(FIELDS.map((f) => [f.name, initial[f.name] ?? ''])) as Record<
        Field,
        string
      >,
  );
  const [downloads, setDownloads] = useState<DownloadDraft[]>(() => toDrafts(initial.downloads));
  const fromServer = serverFieldErrors(update.error);
  const general = formLevelError(update.error, [
    ...FIELDS.map((f) => f.name),
    'downloads',
    ...downloads.flatMap((_, i) => [
      `downloads.${i}`,
      ...['title', 'url', 'description'].map((f) => `downloads.${i}.${f}`),
    ]),
  ]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = Object.fromEntries(
      FIELDS.map((f) => {
        const value = values[f.name].trim();
        return [f.name, value === '' && !f.required ? null : value];
      }),
    ) as Partial<ProviderSettings>;
    body.downloads = fromDrafts(downloads);
    update.mutate(body, { onSuccess: (saved) => setDownloads(toDrafts(saved.downloads)) });
  };

  return (
    <form noValidate onSubmit={onSubmit} aria-label={t('provider.title')}>
      <Stack gap="md">
        {update.isSuccess && (
          <Alert color="teal" variant="light" role="status">
            {t('provider.saved')}
          </Alert>
        )}
        {general !== null && (
          <Alert color="red" variant="light" role="alert">
            {general}
          </Alert>
        )}
        {FIELDS.map((f) => {
          const common = {
            label: t(`provider.fields.${f.name}`),
            description: t(`provider.hints.${f.name}`),
            required: f.required ?? false,
            value: values[f.name],
            error: fromServer[f.name],
          };
          const set = (value: string) => setValues((v) => ({ ...v, [f.name]: value }));
          return f.multiline ? (
            <Textarea
              key={f.name}
              {...common}
              autosize
              minRows={3}
              onChange={(e) => set(e.currentTarget.value)}
            />
          ) : (
            <TextInput key={f.name} {...common} onChange={(e) => set(e.currentTarget.value)} />
          );
        })}
        <DownloadsEditor
          value={downloads}
          onChange={setDownloads}
          errors={fromServer}
          onStructureChange={() => update.reset()}
        />
        <div>
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
