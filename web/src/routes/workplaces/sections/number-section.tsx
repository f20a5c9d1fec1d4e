import { useState } from 'react';
import { Alert, Button, Group, List, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../../common/src/limits.ts';
import { formatNational } from '../../../../../common/src/numbers/parse.ts';
import { proposeInternalNumber } from '../../../../../common/src/rules/internal-number.ts';
import { useCompany } from '../../../api/companies.ts';
import { useGroups } from '../../../api/org.ts';
import { NumberExplorer } from '../../numbers/number-explorer.tsx';
import type { SectionProps } from '../section-props.ts';
import { groupOf } from './group-section.tsx';
import { Notice } from '../notice.tsx';

const MAX_ADDITIONAL = LIMITS.workplace.additionalNumbersMax;

function display(e164: string | undefined): string {
  if (e164 === undefined || e164.trim() === '') {
    return '';
  }
  return e164.startsWith('+') ? formatNational(e164) : e164;
}

/** The seed's restrictions of internal numbers and the 911 warning, as a note. */
function InternalNumberNote() {
  const { t } = useTranslation();
  return (
    <Alert color="blue" variant="light" title={t('workplaces.number.restrictionsTitle')}>
      <Stack gap={4}>
        <Text size="sm">{t('workplaces.number.restrictions7778')}</Text>
        <Text size="sm">{t('workplaces.number.restrictions118')}</Text>
        <Text size="sm">{t('workplaces.number.restrictionsIntegration')}</Text>
        <List size="sm">
          <List.Item>{t('workplaces.number.integrationTwoDigits')}</List.Item>
          <List.Item>{t('workplaces.number.integrationZero')}</List.Item>
          <List.Item>{t('workplaces.number.integration911')}</List.Item>
        </List>
        <Text size="sm">{t('workplaces.number.note911')}</Text>
      </Stack>
    </Alert>
  );
}

/** Rufnummer zuweisen: number of the group, internal number, nomadic use, more numbers. */
export function NumberSection(props: SectionProps<'number'>) {
  const { t } = useTranslation();
  const { companyId, value, data, onChange, field, warningOf } = props;
  const groups = useGroups(companyId);
  const group = groupOf(groups.data?.items, data.group?.groupId);
  const company = useCompany(companyId);
  const contract = company.data?.contract;
  const address = contract ? `${contract.street}, ${contract.postalCode} ${contract.city}` : '…';
  const main = field('mainNumber');
  const internal = field('internalNumber');
  const internalWarning = warningOf('internalNumber');
  const nomadicWarning = warningOf('nomadic');
  const extra = value.additionalNumbers ?? [];
  const extraField = field('additionalNumbers');
  const integration = data.mobile?.mode === 'integration';
  // The explorer's display ("0341 5566-10") of the number chosen on this page.
  const [shown, setShown] = useState<{ e164: string; display: string } | null>(null);

  const setExtra = (next: string[]) => onChange({ additionalNumbers: next });

  return (
    <Stack gap="md">
      <Text size="sm">{t('workplaces.number.intro')}</Text>
      {group !== null && (
        <NumberExplorer
          companyId={companyId}
          group={group}
          selectable
          selected={value.mainNumber ?? null}
          onSelect={(number) => {
            setShown({ e164: number.e164, display: number.display });
            onChange({
              mainNumber: number.e164,
              internalNumber: proposeInternalNumber(number.e164, number.extensionLength, {
                mobileIntegration: integration,
              }),
            });
          }}
        />
      )}
      <Group gap="sm" align="flex-start" grow maw={640}>
        <TextInput
          label={t('workplaces.number.mainNumber')}
          description={t('workplaces.number.mainNumberHint')}
          value={
            shown !== null && shown.e164 === value.mainNumber
              ? shown.display
              : display(value.mainNumber)
          }
          readOnly
          required={main.required}
          withAsterisk={main.required}
          error={main.error}
        />
        <TextInput
          label={t('workplaces.number.internalNumber')}
          description={t('workplaces.number.internalNumberHint')}
          value={value.internalNumber ?? ''}
          onChange={(event) => onChange({ internalNumber: event.currentTarget.value })}
          onBlur={internal.onBlur}
          required={internal.required}
          withAsterisk={internal.required}
          error={internal.error}
          inputMode="numeric"
          maxLength={LIMITS.workplace.internalNumber.max + 2}
          autoComplete="off"
        />
      </Group>
      {internalWarning !== undefined && internal.error === undefined && (
        <Alert color="yellow" variant="light" role="status">
          {internalWarning}
        </Alert>
      )}
      <InternalNumberNote />

      <Radio.Group
        label={t('workplaces.number.nomadic')}
        description={t('workplaces.number.nomadicHint')}
        value={value.nomadic ?? 'allowed'}
        onChange={(next) => onChange({ nomadic: next })}
      >
        <Stack gap="xs" mt="xs">
          <Radio value="allowed" label={t('workplaces.number.nomadicAllowed')} />
          <Radio value="restricted" label={t('workplaces.number.nomadicRestricted', { address })} />
        </Stack>
      </Radio.Group>
      {(value.nomadic === 'restricted' || nomadicWarning !== undefined) && (
        <Notice kind="warning" title={t('workplaces.note')}>
          <Stack gap={4}>
            <Text size="sm">{t('workplaces.number.nomadicWarningChange')}</Text>
            <Text size="sm">{t('workplaces.number.nomadicWarningPure')}</Text>
            <Text size="sm">{t('workplaces.number.nomadicWarningExpert')}</Text>
          </Stack>
        </Notice>
      )}

      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('workplaces.number.additionalTitle')}
        </Title>
        <Text size="sm">{t('workplaces.number.additionalHint', { max: MAX_ADDITIONAL })}</Text>
        {extraField.error !== undefined && (
          <Text size="sm" c="red.8" role="alert">
            {extraField.error}
          </Text>
        )}
        {extra.map((number, index) => {
          const own = field(`additionalNumbers.${index}`);
          return (
            <Group key={index} gap="sm" align="flex-end">
              <TextInput
                label={t('workplaces.number.additional', { position: index + 1 })}
                value={number}
                onChange={(event) =>
                  setExtra(
                    extra.map((entry, i) => (i === index ? event.currentTarget.value : entry)),
                  )
                }
                onBlur={own.onBlur}
                error={own.error}
                type="tel"
                maxLength={30}
                autoComplete="off"
              />
              <Button
                variant="default"
                aria-label={t('workplaces.number.removeAdditional', { position: index + 1 })}
                onClick={() => setExtra(extra.filter((_, i) => i !== index))}
              >
                {t('workplaces.remove')}
              </Button>
            </Group>
          );
        })}
        <Button
          variant="default"
          style={{ alignSelf: 'flex-start' }}
          disabled={extra.length >= MAX_ADDITIONAL}
          onClick={() => setExtra([...extra, ''])}
        >
          {t('workplaces.number.addAdditional')}
        </Button>
      </Stack>
    </Stack>
  );
}
