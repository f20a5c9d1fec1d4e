import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CALL_INFO } from '../../../../common/src/rules/call-info.ts';
import { type OrgGroup, useEffective, useSetCompanyCallInfo } from '../../api/org.ts';
import { CallInfoAction } from './call-info-form.tsx';
import { callInfoText } from './org-labels.ts';

interface CompanyCallInfoProps {
  companyId: string;
  companyName: string;
  groups: readonly OrgGroup[];
}

/**
 * The company level of the call information. The API has no read endpoint for it, so it is read
 * through a group that inherits: its effective value comes from the company or the default.
 */
export function CompanyCallInfo({ companyId, companyName, groups }: CompanyCallInfoProps) {
  const { t } = useTranslation();
  const save = useSetCompanyCallInfo(companyId);
  const inheriting = groups.find((group) => group.callInfo === null);
  const effective = useEffective(companyId, inheriting?.id ?? '');
  const callInfo = effective.data?.callInfo;
  const own = callInfo?.source === 'company' ? callInfo.value : null;
  const known = inheriting !== undefined && callInfo !== undefined;

  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('org.callInfo.companyTitle')}
        </Title>
        <Text size="sm">{t('org.callInfo.companyIntro')}</Text>
        <Text size="sm" fw={500}>
          {known
            ? t('org.callInfo.effective', {
                value: callInfoText(t, callInfo.value),
                source: t(`org.callInfo.sources.${callInfo.source}`),
              })
            : inheriting === undefined
              ? t('org.callInfo.unknown')
              : t('app.loading')}
        </Text>
        <div>
          <CallInfoAction
            name={companyName}
            own={own}
            fallback={own ?? DEFAULT_CALL_INFO}
            topLevel
            save={(value) => save.mutateAsync(value)}
          />
        </div>
      </Stack>
    </Paper>
  );
}
