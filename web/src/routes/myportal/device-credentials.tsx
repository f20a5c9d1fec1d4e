import { useState } from 'react';
import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type MyDevice, useDeviceCredentials, useReissueCredentials } from '../../api/myportal.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { formatDateTime } from '../../format.ts';
import { Fact } from './facts.tsx';

function Secret({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <Code>{value}</Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={copy}
            aria-label={t('myportal.devices.copy', { what: label })}
          >
            {copied ? t('myportal.devices.copied') : t('myportal.devices.copyShort')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

/** The first-login data of the picked device, the double-registration note and "neu erzeugen". */
export function DeviceCredentialsPanel({ device, label }: { device: MyDevice; label: string }) {
  const { t } = useTranslation();
  const query = useDeviceCredentials(device.id);
  const reissue = useReissueCredentials();
  const [confirm, setConfirm] = useState(false);
  const credentials = query.data?.credentials ?? null;

  return (
    <section aria-labelledby="myportal-credentials-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="myportal-credentials-heading">
          {t('myportal.devices.credentialsTitle', { device: label })}
        </Title>
        <QueryState isPending={query.isPending} error={query.error} />
        {query.data !== undefined && credentials === null && (
          <Text>{t('myportal.devices.noCredentials')}</Text>
        )}
        {credentials !== null && (
          <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" m={0}>
            <Fact label={t('myportal.devices.sipUsername')}>
              <Secret value={credentials.sipUsername} label={t('myportal.devices.sipUsername')} />
            </Fact>
            <Fact label={t('myportal.devices.sipPassword')}>
              <Secret value={credentials.password} label={t('myportal.devices.sipPassword')} />
            </Fact>
            <Fact label={t('myportal.devices.registrar')}>{credentials.registrar}</Fact>
            <Fact label={t('myportal.devices.domain')}>{credentials.domain}</Fact>
            {credentials.provisioningUrl !== null && (
              <Fact label={t('myportal.devices.provisioningUrl')}>
                <Secret
                  value={credentials.provisioningUrl}
                  label={t('myportal.devices.provisioningUrl')}
                />
              </Fact>
            )}
            <Fact label={t('myportal.devices.issuedAt')}>
              {formatDateTime(credentials.issuedAt)}
            </Fact>
          </SimpleGrid>
        )}
        {device.provisioning === 'softclient' && (
          <Text size="sm">{t('myportal.devices.softclientHint')}</Text>
        )}
        <Alert
          color="orange"
          variant="light"
          title={t('myportal.devices.doubleTitle')}
          // The text colour keeps 4.5:1 on the orange tint (the orange title would not).
          styles={{ title: { color: 'var(--mantine-color-text)' } }}
        >
          <Text size="sm">{t('myportal.devices.doubleBody')}</Text>
        </Alert>
        {credentials !== null && (
          <Group>
            <Button variant="default" onClick={() => setConfirm(true)}>
              {t('myportal.devices.reissue')}
            </Button>
          </Group>
        )}
        {reissue.isSuccess && (
          <Text role="status" size="sm">
            {t('myportal.devices.reissued')}
          </Text>
        )}
      </Stack>
      <ConfirmDialog
        opened={confirm}
        title={t('myportal.devices.reissueTitle')}
        confirmLabel={t('myportal.devices.reissueConfirm')}
        pending={reissue.isPending}
        error={reissue.error?.message ?? null}
        danger
        onClose={() => setConfirm(false)}
        onConfirm={() => reissue.mutate(device.id, { onSuccess: () => setConfirm(false) })}
      >
        {t('myportal.devices.reissueBody')}
      </ConfirmDialog>
    </section>
  );
}
