import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../page-title.ts';
import { isHelpTopic } from './help-topics.ts';

/** The built-in help: one page per topic, with a generic text for unknown topics. */
export function HelpPage() {
  const { t } = useTranslation();
  const { topic } = useParams();
  const known = isHelpTopic(topic);
  const title = known ? t(`help.${topic}.title`) : t('help.fallback.title');
  const body = known ? t(`help.${topic}.body`) : t('help.fallback.body');
  usePageTitle(title);

  return (
    <Stack maw={720} gap="md">
      <Title order={1}>{title}</Title>
      {body.split('\n\n').map((paragraph) => (
        <Text key={paragraph}>{paragraph}</Text>
      ))}
      <Anchor component={Link} to="/">
        {t('help.backToStart')}
      </Anchor>
    </Stack>
  );
}
