import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Effective } from '../../api/org.ts';
import { callInfoText } from './org-labels.ts';

/** "Anrufinformationen: Rufnummer des Arbeitsplatzes — aus dem Unternehmen". */
export function EffectiveCallInfo({
  callInfo,
  labelled = true,
}: {
  callInfo: Effective['callInfo'] | undefined;
  /** Without "Anrufinformationen:" where a heading already says it. */
  labelled?: boolean;
}) {
  const { t } = useTranslation();
  if (callInfo === undefined) {
    return null;
  }
  return (
    <Text size="sm">
      {labelled && `${t('org.callInfo.title')}: `}
      {t('org.callInfo.effective', {
        value: callInfoText(t, callInfo.value),
        source: t(`org.callInfo.sources.${callInfo.source}`),
      })}
    </Text>
  );
}
