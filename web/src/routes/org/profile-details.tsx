import { useId, useState } from 'react';
import { Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DIRECTIONS, type Direction } from '../../../../common/src/rules/barring.ts';
import type { BlockingProfile } from '../../api/org.ts';
import { DialogFrame } from '../../components/dialog-frame.tsx';
import { checkNumber, checkText, profileSummary } from './org-labels.ts';

function isDirection(value: string): value is Direction {
  return (DIRECTIONS as readonly string[]).includes(value);
}

/** "Details anzeigen": the profile's rules in plain words and a field to check a number. */
export function ProfileDetailsAction({ profile }: { profile: BlockingProfile }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        variant="subtle"
        size="compact-sm"
        onClick={() => setOpened(true)}
        aria-label={t('org.barring.detailsNamed', { name: profile.name })}
      >
        {t('org.barring.details')}
      </Button>
      {opened && <ProfileDetails profile={profile} onClose={() => setOpened(false)} />}
    </>
  );
}

function ProfileDetails({ profile, onClose }: { profile: BlockingProfile; onClose: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <DialogFrame opened onClose={onClose} title={t('org.details.title', { name: profile.name })}>
      <Stack gap="md">
        {profile.description !== '' && <Text size="sm">{profile.description}</Text>}
        <ul aria-label={t('org.details.rules')} style={{ margin: 0, paddingLeft: '1.2rem' }}>
          {profileSummary(t, profile.rules).map((line) => (
            <li key={line}>
              <Text size="sm">{line}</Text>
            </li>
          ))}
        </ul>
        <section aria-labelledby={headingId}>
          <Title order={3} size="h5" id={headingId} mb="xs">
            {t('org.details.checkTitle')}
          </Title>
          <NumberCheck profile={profile} />
        </section>
        <Button variant="default" onClick={onClose} style={{ alignSelf: 'flex-end' }}>
          {t('common.close')}
        </Button>
      </Stack>
    </DialogFrame>
  );
}

/** "Prüfen": type a number and see whether the profile bars it (the shared rule decides). */
function NumberCheck({ profile }: { profile: BlockingProfile }) {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  const [direction, setDirection] = useState<Direction>('outgoing');
  const [result, setResult] = useState<string | null>(null);
  const check = () => {
    const typed = number.trim();
    setResult(checkText(t, checkNumber(profile.rules, direction, typed), typed));
  };
  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('org.details.checkNumber')}
          description={t('org.details.checkHint')}
          value={number}
          inputMode="tel"
          autoComplete="off"
          maxLength={30}
          onChange={(event) => {
            setNumber(event.currentTarget.value);
            setResult(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              check();
            }
          }}
          w={240}
        />
        <NativeSelect
          label={t('org.details.direction')}
          value={direction}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setDirection(isDirection(value) ? value : 'outgoing');
            setResult(null);
          }}
          data={DIRECTIONS.map((value) => ({ value, label: t(`org.directions.${value}`) }))}
          w={180}
        />
        <Button variant="default" onClick={check}>
          {t('org.details.check')}
        </Button>
      </Group>
      <Text size="sm" role="status" aria-live="polite" mih="1.5em">
        {result}
      </Text>
    </Stack>
  );
}
