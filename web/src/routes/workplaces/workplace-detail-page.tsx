import { Alert, Anchor, Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatNational } from '../../../../common/src/numbers/parse.ts';
import { useProfiles } from '../../api/org.ts';
import { useSelectedCompany } from '../../api/selected-company.ts';
import { type Workplace, useWorkplace } from '../../api/workplaces.ts';
import { CompanyPicker } from '../../components/company-picker.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { formatDate } from '../../format.ts';
import { usePageTitle } from '../../page-title.ts';
import { AdminLoginPanel } from '../myportal/admin-login-panel.tsx';
import { MY_WORKPLACES_PATH } from '../paths.ts';
import { DetailActions } from './detail-actions.tsx';
import { DetailAddons } from './detail-addons.tsx';
import { DetailSectionCard, type Fact } from './detail-section-card.tsx';
import { personName } from './workplace-labels.ts';
import { statusColor } from './workplaces-page.tsx';

/** One workplace: every setting by section; free ones editable, costly ones through the cart. */
export function WorkplaceDetailPage() {
  const { t } = useTranslation();
  const { company } = useSelectedCompany();
  const { workplaceId = '' } = useParams();
  usePageTitle(t('workplaces.detail.title'));
  return (
    <Stack gap="lg" maw={1100}>
      <Anchor component={Link} to={MY_WORKPLACES_PATH} size="sm">
        {t('workplaces.backToList')}
      </Anchor>
      <CompanyPicker />
      {company === null ? (
        <Text>{t('company.noCompany')}</Text>
      ) : (
        <WorkplaceDetail key={company.id} companyId={company.id} workplaceId={workplaceId} />
      )}
    </Stack>
  );
}

const phone = (value: string | null | undefined) =>
  value === null || value === undefined || value === ''
    ? ''
    : value.startsWith('+')
      ? formatNational(value)
      : value;

function WorkplaceDetail({ companyId, workplaceId }: { companyId: string; workplaceId: string }) {
  const { t } = useTranslation();
  const query = useWorkplace(companyId, workplaceId);
  const profiles = useProfiles(companyId);
  const workplace = query.data;
  if (workplace === undefined) {
    return (
      <>
        <Title order={1}>{t('workplaces.detail.title')}</Title>
        <QueryState isPending={query.isPending} error={query.error} />
      </>
    );
  }
  const profile = profiles.data?.items.find(
    (entry) => entry.id === workplace.profile.blockingProfileId,
  );
  const name = personName(workplace.user) || workplace.login.username;
  // In the cart the draft is still the place to change it; deleted ones only show.
  const editable = ['ordered', 'active', 'deactivated'].includes(workplace.status);
  const card = (section: Parameters<typeof DetailSectionCard>[0]['section'], facts: Fact[]) => ({
    companyId,
    workplace,
    section,
    title: t(`workplaces.sections.${section}`),
    facts,
    editable,
  });

  return (
    <Stack gap="md">
      <Group gap="sm" align="center">
        <Title order={1}>{t('workplaces.detail.heading', { name })}</Title>
        <Badge variant="outline" color={statusColor(workplace.status)}>
          {t(`workplaces.statuses.${workplace.status}`)}
        </Badge>
      </Group>
      <Text size="sm">
        {workplace.activatedAt !== null
          ? t('workplaces.detail.activated', {
              date: formatDate(workplace.activatedAt),
              end: formatDate(workplace.minimumTermEnd),
            })
          : t('workplaces.detail.notActivated')}
      </Text>
      {workplace.status === 'in_cart' && (
        <Alert color="blue" variant="light">
          {t('workplaces.detail.inCart')}
        </Alert>
      )}
      {workplace.pendingItems.length > 0 && (
        <Alert color="blue" variant="light" title={t('workplaces.detail.pending')}>
          <List size="sm">
            {workplace.pendingItems.map((item, index) => (
              <List.Item key={item.id ?? index}>
                {item.description ?? item.type}
                {item.activationDate ? ` (${formatDate(item.activationDate)})` : ''}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <DetailSectionCard
        {...card('group', [
          [t('workplaces.group.group'), workplace.group.groupName],
          [t('workplaces.group.area'), workplace.group.areaName ?? ''],
          [t('workplaces.group.language'), t('workplaces.group.german')],
          [t('workplaces.group.timeZone'), workplace.group.timeZone],
        ])}
        editable={false}
        note={
          <Alert color="blue" variant="light">
            {t('workplaces.detail.groupFixed')}
          </Alert>
        }
      />
      <DetailSectionCard {...card('user', userFacts(t, workplace))} />
      <DetailSectionCard
        {...card('login', [
          [t('workplaces.login.username'), workplace.login.username],
          [t('workplaces.login.authEmail'), workplace.login.authEmail],
          [t('workplaces.login.authMobile'), phone(workplace.login.authMobile)],
          [
            t('workplaces.detail.delivery'),
            workplace.login.passwordDelivery === 'sms'
              ? t('workplaces.login.deliverySms')
              : t('workplaces.login.deliveryEmail'),
          ],
        ])}
        note={
          <Text size="sm" c="dimmed">
            {t('workplaces.login.usernameFixed')}
          </Text>
        }
      />
      {editable && (
        // Seed 003 "Keine Aktivierungsmail erhalten": the account, resend, password reset.
        <AdminLoginPanel
          companyId={companyId}
          workplaceId={workplace.id}
          editable={false}
          title={t('myportal.admin.accountTitle')}
        />
      )}
      <DetailSectionCard
        {...card('number', [
          [t('workplaces.number.mainNumber'), phone(workplace.number.mainNumber)],
          [t('workplaces.number.internalNumber'), workplace.number.internalNumber],
          [
            t('workplaces.number.nomadic'),
            workplace.number.nomadic === 'restricted'
              ? t('workplaces.detail.nomadicRestricted')
              : t('workplaces.detail.nomadicAllowed'),
          ],
          [
            t('workplaces.number.additionalTitle'),
            workplace.number.additionalNumbers.map((entry) => phone(entry)).join(', '),
          ],
        ])}
      />
      <DetailSectionCard
        {...card('profile', [
          [
            t('workplaces.detail.profile'),
            profile?.name ??
              (workplace.profile.effective
                ? t('workplaces.detail.profileInherited', {
                    name: workplace.profile.effective.name,
                  })
                : ''),
          ],
        ])}
      />
      <DetailSectionCard
        {...card('devices', [
          [
            t('workplaces.detail.devices'),
            workplace.devices.length === 0 ? (
              ''
            ) : (
              <List size="sm">
                {workplace.devices.map((device) => (
                  <List.Item key={device.id}>
                    {device.name}
                    {device.macAddress ? ` (${device.macAddress})` : ''} —{' '}
                    {device.hasCredentials
                      ? t('workplaces.detail.credentials')
                      : t('workplaces.detail.noCredentials')}
                  </List.Item>
                ))}
              </List>
            ),
          ],
        ])}
      />
      <DetailSectionCard
        {...card('mobile', [
          [
            t('workplaces.mobile.mode'),
            t(`workplaces.detail.mobileModes.${workplace.mobile.mode}`),
          ],
          [t('workplaces.mobile.mobileNumber'), phone(workplace.mobile.mobileNumber)],
          [t('workplaces.mobile.directoryMobile'), phone(workplace.mobile.directoryMobile)],
        ])}
        toBody={(data) => ({ directoryMobile: data.mobile?.directoryMobile ?? '' })}
        note={
          <Text size="sm" c="dimmed">
            {t('workplaces.detail.mobileNote')}
          </Text>
        }
      />
      {editable && <DetailAddons companyId={companyId} workplace={workplace} />}
      <DetailActions companyId={companyId} workplace={workplace} />
    </Stack>
  );
}

function userFacts(t: TFunction, workplace: Workplace): Fact[] {
  const user = workplace.user;
  return (
    [
      'salutation',
      'firstName',
      'lastName',
      'email',
      'street',
      'postalCode',
      'city',
      'department',
    ] as const
  ).map((field) => [t(`workplaces.user.${field}`), user[field] ?? '']);
}
