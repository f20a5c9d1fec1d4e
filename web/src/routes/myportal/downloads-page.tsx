import { Alert, Anchor, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMeta } from '../../api/meta.ts';
import { useDownloads } from '../../api/myportal.ts';
import { QueryState } from '../../components/query-state.tsx';
import { usePageTitle } from '../../page-title.ts';

/** Seed 003 "Desktop- & Mobile-Client": "Klicken Sie in MyPortal im Hauptmenü auf Hilfe & Downloads." */
export function DownloadsPage() {
  const { t } = useTranslation();
  const downloads = useDownloads();
  const meta = useMeta();
  usePageTitle(t('myportal.downloads.title'));
  const items = downloads.data?.items ?? [];
  const support = [meta.data?.supportEmail, meta.data?.supportPhone].filter(Boolean).join(' · ');

  return (
    <Stack maw={960} gap="lg">
      <Title order={1}>{t('myportal.downloads.title')}</Title>
      <Text>{t('myportal.downloads.intro')}</Text>
      <QueryState isPending={downloads.isPending} error={downloads.error} />
      {downloads.data !== undefined && items.length === 0 && (
        <Alert color="blue" variant="light">
          {t('myportal.downloads.none')}
        </Alert>
      )}
      {items.length > 0 && (
        <List spacing="sm" listStyleType="none" ml={0} pl={0}>
          {items.map((item) => (
            <List.Item key={item.url}>
              <Anchor href={item.url} target="_blank" rel="noopener noreferrer">
                {item.title}
                <Text component="span" size="sm" c="dimmed">
                  {' '}
                  {t('help.opensInNewTab')}
                </Text>
              </Anchor>
              {item.description !== '' && <Text size="sm">{item.description}</Text>}
            </List.Item>
          ))}
        </List>
      )}
      <Text size="sm">{t('myportal.downloads.sameLogin')}</Text>
      {support !== '' && (
        <Text size="sm">{t('myportal.downloads.support', { contact: support })}</Text>
      )}
    </Stack>
  );
}
