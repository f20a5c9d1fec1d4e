import { Stack, Text, Title } from '@mantine/core';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../page-title.ts';

interface PlaceholderPageProps {
  /** i18n key of the heading. */
  title: ParseKeys;
}

/** Stands in for an area that a later issue builds. */
export function PlaceholderPage({ title }: PlaceholderPageProps) {
  const { t } = useTranslation();
  const heading = t(title);
  usePageTitle(heading);

  return (
    <Stack maw={720} gap="md">
      <Title order={1}>{heading}</Title>
      <Text>{t('pages.followsSoon')}</Text>
    </Stack>
  );
}
