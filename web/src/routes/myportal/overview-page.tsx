import { Anchor, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type MyOverview, useMyOverview } from '../../api/myportal.ts';
import { formatDate } from '../../format.ts';
import { usePageTitle } from '../../page-title.ts';
import { MY_DEVICES_PATH } from '../paths.ts';
import { Fact, phone } from './facts.tsx';
import { MyPortalQueryState } from './no-workplace.tsx';

/** Seed 003: "Hier sehen Sie Ihre Stammdaten, Rufnummer und die Ihnen zugeordneten Clients und / oder Endgeräte." */
export function MyPortalOverviewPage() {
  const { t } = useTranslation();
  const overview = useMyOverview();
  usePageTitle(t('myportal.overview.title'));
  return (
    <Stack maw={960} gap="lg">
      <Title order={1}>{t('myportal.overview.title')}</Title>
      <MyPortalQueryState isPending={overview.isPending} error={overview.error} />
      {overview.data !== undefined && <OverviewContent data={overview.data} />}
    </Stack>
  );
}

function OverviewContent({ data }: { data: MyOverview }) {
  const { t } = useTranslation();
  const { user, numbers } = data;
  const address = [user.street, [user.postalCode, user.city].filter(Boolean).join(' ')]
    .filter((part) => part !== null && part !== '')
    .join(', ');
  return (
    <>
      <section aria-labelledby="myportal-master-heading">
        <Title order={2} size="h3" id="myportal-master-heading" mb="sm">
          {t('myportal.overview.masterData')}
        </Title>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" m={0}>
          <Fact label={t('myportal.overview.name')}>
            {[user.salutation, user.firstName, user.lastName].filter(Boolean).join(' ')}
          </Fact>
          <Fact label={t('myportal.overview.username')}>{user.username}</Fact>
          <Fact label={t('myportal.overview.email')}>{user.email ?? '–'}</Fact>
          <Fact label={t('myportal.overview.department')}>{user.department ?? '–'}</Fact>
          <Fact label={t('myportal.overview.address')}>{address || '–'}</Fact>
          <Fact label={t('myportal.overview.company')}>{data.companyName}</Fact>
          <Fact label={t('myportal.overview.group')}>
            {data.areaName ? `${data.groupName} / ${data.areaName}` : data.groupName}
          </Fact>
          <Fact label={t('myportal.overview.activatedAt')}>
            {data.activatedAt ? formatDate(data.activatedAt) : '–'}
          </Fact>
        </SimpleGrid>
      </section>
      <section aria-labelledby="myportal-numbers-heading">
        <Title order={2} size="h3" id="myportal-numbers-heading" mb="sm">
          {t('myportal.overview.numbers')}
        </Title>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 3 }} spacing="sm" m={0}>
          <Fact label={t('myportal.overview.mainNumber')}>{phone(numbers.main)}</Fact>
          <Fact label={t('myportal.overview.internalNumber')}>{numbers.internal}</Fact>
          <Fact label={t('myportal.overview.additionalNumbers')}>
            {numbers.additional.length > 0 ? numbers.additional.map(phone).join(', ') : '–'}
          </Fact>
        </SimpleGrid>
      </section>
      <section aria-labelledby="myportal-devices-heading">
        <Title order={2} size="h3" id="myportal-devices-heading" mb="sm">
          {t('myportal.overview.devices')}
        </Title>
        {data.devices.length === 0 ? (
          <Text>{t('myportal.overview.noDevices')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table>
              <Table.Caption>{t('myportal.overview.devicesCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('myportal.devices.device')}</Table.Th>
                  <Table.Th scope="col">{t('myportal.devices.kind')}</Table.Th>
                  <Table.Th scope="col">{t('myportal.devices.mac')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.devices.map((device) => (
                  <Table.Tr key={device.id}>
                    <Table.Td>
                      {[device.manufacturer, device.name].filter(Boolean).join(' ')}
                    </Table.Td>
                    <Table.Td>{t(`myportal.devices.kinds.${device.provisioning}`)}</Table.Td>
                    <Table.Td>{device.macAddress ?? '–'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Text size="sm" mt="sm">
          <Anchor component={Link} to={MY_DEVICES_PATH}>
            {t('myportal.overview.toDevices')}
          </Anchor>
        </Text>
      </section>
      {(data.mobile.mode !== 'none' || data.addons.length > 0) && (
        <section aria-labelledby="myportal-options-heading">
          <Title order={2} size="h3" id="myportal-options-heading" mb="sm">
            {t('myportal.overview.options')}
          </Title>
          <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" m={0}>
            {data.mobile.mode !== 'none' && (
              <Fact label={t('myportal.overview.mobile')}>
                {t(`myportal.overview.mobileModes.${data.mobile.mode}`)}
                {data.mobile.number ? ` (${phone(data.mobile.number)})` : ''}
              </Fact>
            )}
            {data.addons.length > 0 && (
              <Fact label={t('myportal.overview.addons')}>
                {data.addons.map((addon) => addon.name).join(', ')}
              </Fact>
            )}
          </SimpleGrid>
        </section>
      )}
    </>
  );
}
