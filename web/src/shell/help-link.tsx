import { Anchor, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useHelpBaseUrl } from '../api/meta.ts';
import { helpUrl, isAbsoluteUrl } from '../routes/help/help-topics.ts';
import { helpTopicOf } from '../routes/routes.tsx';

/** "Direkthilfe": the help for the current page, on the operator's help site or built in. */
export function HelpLink() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const href = helpUrl(useHelpBaseUrl(), helpTopicOf(pathname));

  if (isAbsoluteUrl(href)) {
    return (
      <Anchor href={href} target="_blank" rel="noopener" fw={500}>
        {t('help.link')}
        <VisuallyHidden> {t('help.opensInNewTab')}</VisuallyHidden>
      </Anchor>
    );
  }
  return (
    <Anchor component={Link} to={href} fw={500}>
      {t('help.link')}
    </Anchor>
  );
}
