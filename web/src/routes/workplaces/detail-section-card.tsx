import { type ReactNode, useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  type DeviceEntry,
  type DraftData,
  type Section,
  type Workplace,
  usePatchWorkplace,
} from '../../api/workplaces.ts';
import { bindSection } from './section-props.ts';
import { liveIssues } from './use-wizard.ts';
import { SectionBody } from './wizard-section.tsx';
import { serverSectionErrors } from './workplace-labels.ts';
import classes from './workplaces.module.css';

/** The workplace as the wizard's section data, for editing it with the same forms. */
export function draftDataOf(workplace: Workplace): DraftData {
  return {
    group: {
      groupId: workplace.group.groupId,
      areaId: workplace.group.areaId,
      language: 'de',
      timeZone: workplace.group.timeZone,
    },
    user: Object.fromEntries(
      Object.entries(workplace.user).map(([key, value]) => [key, value ?? '']),
    ),
    login: {
      username: workplace.login.username,
      authEmail: workplace.login.authEmail,
      authEmailConfirm: workplace.login.authEmail,
      authMobile: workplace.login.authMobile ?? '',
      withoutMobile: workplace.login.passwordDelivery === 'email',
    },
    number: { ...workplace.number },
    profile: { blockingProfileId: workplace.profile.blockingProfileId },
    devices: {
      // Existing devices keep their id, so they keep their credentials (the PATCH matches by id).
      devices: workplace.devices.map(
        (device): DeviceEntry =>
          ({
            id: device.id,
            deviceModelId: device.deviceModelId,
            macAddress: device.macAddress,
          }) as DeviceEntry,
      ),
    },
    mobile: {
      mode: workplace.mobile.mode,
      mobileNumber: workplace.mobile.mobileNumber ?? '',
      customerAccount: workplace.mobile.customerAccount ?? '',
      directoryMobile: workplace.mobile.directoryMobile ?? '',
    },
  };
}

export type Fact = [label: string, value: ReactNode];

interface DetailSectionCardProps {
  companyId: string;
  workplace: Workplace;
  section: Section;
  title: string;
  facts: readonly Fact[];
  /** False: the section is shown only (the group after activation). */
  editable: boolean;
  note?: ReactNode;
  /** What the PATCH sends; by default the whole section. */
  toBody?: (data: DraftData) => unknown;
}

/** One section of the detail page: its settings, and "Bearbeiten" with the wizard's form. */
export function DetailSectionCard(props: DetailSectionCardProps) {
  const { t } = useTranslation();
  const { t: tErrors } = useTranslation('errors');
  const { companyId, workplace, section } = props;
  const patch = usePatchWorkplace(companyId, workplace.id);
  const [editing, setEditing] = useState(false);
  const [data, setData] = useState<DraftData>(() => draftDataOf(workplace));
  const [touched, setTouched] = useState<string[]>([]);
  const [submitted, setSubmitted] = useState(false);
  const [saved, setSaved] = useState(false);
  const server = serverSectionErrors(patch.error)[section] ?? {};
  const named = Object.keys(serverSectionErrors(patch.error)).length > 0;
  const headingId = `detail-${section}`;

  const start = () => {
    setData(draftDataOf(workplace));
    setTouched([]);
    setSubmitted(false);
    setSaved(false);
    patch.reset();
    setEditing(true);
  };
  const save = () => {
    setSubmitted(true);
    const body = props.toBody ? props.toBody(data) : (data[section] ?? {});
    patch.mutate(
      { section, data: body },
      {
        onSuccess: () => {
          setEditing(false);
          setSaved(true);
        },
      },
    );
  };
  const binding = bindSection(tErrors, {
    section,
    companyId,
    data,
    issues: liveIssues(section, data),
    server,
    showAll: submitted,
    touched,
    onTouch: (field) => setTouched((current) => [...current, field]),
    onChange: (change) => {
      patch.reset();
      setData((current) => ({ ...current, [section]: { ...(current[section] ?? {}), ...change } }));
    },
    setUp: workplace.status !== 'in_cart',
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId} data-section={section}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id={headingId}>
            {props.title}
          </Title>
          {props.editable && !editing && (
            <Button
              variant="default"
              size="compact-sm"
              aria-label={t('workplaces.detail.editNamed', { section: props.title })}
              onClick={start}
            >
              {t('workplaces.detail.edit')}
            </Button>
          )}
        </Group>
        {props.note}
        <div role="status">
          {saved && (
            <Text size="sm" c="teal.9">
              {t('workplaces.detail.saved')}
            </Text>
          )}
        </div>
        {editing ? (
          <Stack gap="sm">
            <SectionBody section={section} props={binding} />
            <div role="alert">
              {patch.error !== null && !named && (
                <Alert color="red" variant="light">
                  {patch.error.message}
                </Alert>
              )}
            </div>
            <Group gap="sm">
              <Button loading={patch.isPending} onClick={save}>
                {t('common.save')}
              </Button>
              <Button variant="default" onClick={() => setEditing(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <dl className={classes.facts}>
            {props.facts.map(([label, value]) => (
              <div key={label} style={{ display: 'contents' }}>
                <dt>{label}</dt>
                <dd>{value === '' || value === null ? '—' : value}</dd>
              </div>
            ))}
          </dl>
        )}
      </Stack>
    </Paper>
  );
}
