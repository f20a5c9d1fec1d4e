import { type FormEvent, useState } from 'react';
import { Alert, Button, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  type MobileCheck,
  type MobileMode,
  useCheckMobile,
  useProducts,
} from '../../../api/workplaces.ts';
import { DialogFrame } from '../../../components/dialog-frame.tsx';
import { formatEuro } from '../../../../../common/src/rules/pricing.ts';
import type { SectionProps } from '../section-props.ts';
import { Notice } from '../notice.tsx';

interface MobileSectionProps extends SectionProps<'mobile'> {
  /** The draft whose number is checked; without it (detail page) there is no check. */
  draftId?: string;
}

/** Mobile Integration: none, MagentaEINS-style integration (checked), or a mobile client. */
export function MobileSection(props: MobileSectionProps) {
  const { t } = useTranslation();
  const { value, onChange, field } = props;
  const products = useProducts();
  const mode: MobileMode = value.mode ?? 'none';
  const integration = mode === 'integration';
  const mobile = field('mobileNumber');
  const account = field('customerAccount');
  const directory = field('directoryMobile');
  const modeField = field('mode');
  const product = (key: string) => products.data?.items.find((entry) => entry.key === key);
  const label = (key: 'mobile_integration' | 'mobile_client') => {
    const found = product(key);
    const name = found?.name ?? t(`workplaces.mobile.${key}`);
    return found
      ? t('workplaces.withPrice', { name, price: formatEuro(found.monthlyCents) })
      : name;
  };

  return (
    <Stack gap="md">
      <Text size="sm">{t('workplaces.mobile.intro')}</Text>
      <Radio.Group
        label={t('workplaces.mobile.mode')}
        value={mode}
        error={modeField.error}
        onChange={(next) => {
          const chosen = next;
          onChange(
            chosen === 'integration'
              ? { mode: chosen, directoryMobile: value.mobileNumber ?? value.directoryMobile ?? '' }
              : { mode: chosen },
          );
        }}
      >
        <Stack gap="xs" mt="xs">
          <Radio value="none" disabled={props.setUp} label={t('workplaces.mobile.none')} />
          <Radio value="integration" disabled={props.setUp} label={label('mobile_integration')} />
          <Radio value="client" disabled={props.setUp} label={label('mobile_client')} />
        </Stack>
      </Radio.Group>
      {mode !== 'none' && (
        <Alert color="blue" variant="light" title={t('workplaces.note')}>
          {t('workplaces.mobile.termNote')}
        </Alert>
      )}
      {integration && (
        <>
          <Text size="sm">{t('workplaces.mobile.integrationIntro')}</Text>
          <Notice kind="warning" title={t('workplaces.note')}>
            {t('workplaces.mobile.parallelNote')}
          </Notice>
          {props.draftId !== undefined ? (
            <IntegrationCheck {...props} draftId={props.draftId} />
          ) : (
            <TextInput
              label={t('workplaces.mobile.mobileNumber')}
              value={value.mobileNumber ?? ''}
              readOnly
              error={mobile.error}
            />
          )}
          {(value.customerAccount ?? '') !== '' || account.error !== undefined ? (
            <TextInput
              label={t('workplaces.mobile.customerAccount')}
              value={value.customerAccount ?? ''}
              onChange={(event) => onChange({ customerAccount: event.currentTarget.value })}
              onBlur={account.onBlur}
              error={account.error}
              maxLength={40}
              autoComplete="off"
              maw={320}
            />
          ) : null}
        </>
      )}
      {mode === 'client' && <Text size="sm">{t('workplaces.mobile.clientIntro')}</Text>}
      <Text size="sm" c="dimmed">
        {t('workplaces.mobile.client20Note')}
      </Text>
      <TextInput
        type="tel"
        label={t('workplaces.mobile.directoryMobile')}
        description={
          integration ? t('workplaces.mobile.directoryTaken') : t('workplaces.mobile.directoryHint')
        }
        value={integration ? (value.mobileNumber ?? '') : (value.directoryMobile ?? '')}
        readOnly={integration}
        onChange={(event) => onChange({ directoryMobile: event.currentTarget.value })}
        onBlur={directory.onBlur}
        error={directory.error}
        maxLength={30}
        autoComplete="off"
        maw={320}
      />
      <Text size="sm" c="dimmed">
        {t('workplaces.mobile.directoryNote')}
      </Text>
    </Stack>
  );
}

/** The mobile number with its check; a number outside the framework contract asks for the account. */
function IntegrationCheck({
  companyId,
  draftId,
  value,
  onChange,
  field,
}: MobileSectionProps & { draftId: string }) {
  const { t } = useTranslation();
  const check = useCheckMobile(companyId, draftId);
  const [result, setResult] = useState<MobileCheck | null>(null);
  const [asking, setAsking] = useState(false);
  const mobile = field('mobileNumber');
  const number = (value.mobileNumber ?? '').trim();

  const run = (customerAccount?: string) => {
    if (number === '') {
      return;
    }
    check.mutate(
      { mobileNumber: number, ...(customerAccount ? { customerAccount } : {}) },
      {
        onSuccess: (answer) => {
          setResult(answer);
          setAsking(answer.needsCustomerAccount);
        },
      },
    );
  };

  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-end">
        <TextInput
          type="tel"
          label={t('workplaces.mobile.mobileNumber')}
          description={t('workplaces.mobile.mobileNumberHint')}
          value={value.mobileNumber ?? ''}
          onChange={(event) => {
            setResult(null);
            onChange({
              mobileNumber: event.currentTarget.value,
              directoryMobile: event.currentTarget.value,
            });
          }}
          onBlur={mobile.onBlur}
          error={mobile.error}
          required
          withAsterisk
          maxLength={30}
          autoComplete="off"
        />
        <Button
          variant="default"
          loading={check.isPending}
          disabled={number === ''}
          onClick={() => run(value.customerAccount)}
        >
          {t('workplaces.mobile.check')}
        </Button>
      </Group>
      <div role="status">
        {result !== null && (
          <Alert color={result.eligible ? 'teal' : 'yellow'} variant="light">
            {result.message}
          </Alert>
        )}
        {check.error !== null && (
          <Alert color="red" variant="light">
            {check.error.message}
          </Alert>
        )}
      </div>
      {asking && (
        <AccountDialog
          initial={value.customerAccount ?? ''}
          pending={check.isPending}
          onClose={() => setAsking(false)}
          onSubmit={(customerAccount) => {
            setAsking(false);
            onChange({ customerAccount });
            run(customerAccount);
          }}
        />
      )}
    </Stack>
  );
}

/** "Authentifizierung der Mobilfunknummer": the customer account number, then "Fortfahren". */
function AccountDialog(props: {
  initial: string;
  pending: boolean;
  onClose: () => void;
  onSubmit: (customerAccount: string) => void;
}) {
  const { t } = useTranslation();
  const [account, setAccount] = useState(props.initial);
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (account.trim() === '') {
      setError(t('form.required'));
      return;
    }
    props.onSubmit(account.trim());
  };
  const title = t('workplaces.mobile.accountTitle');
  return (
    <DialogFrame opened onClose={props.onClose} title={title}>
      <form noValidate onSubmit={submit} aria-label={title}>
        <Stack gap="sm">
          <Text size="sm">{t('workplaces.mobile.accountIntro')}</Text>
          <TextInput
            label={t('workplaces.mobile.customerAccount')}
            value={account}
            onChange={(event) => {
              setAccount(event.currentTarget.value);
              setError(null);
            }}
            error={error}
            required
            withAsterisk
            maxLength={40}
            autoComplete="off"
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={props.pending}>
              {t('workplaces.mobile.continue')}
            </Button>
          </Group>
        </Stack>
      </form>
    </DialogFrame>
  );
}
