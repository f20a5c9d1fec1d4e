import { Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Seed 001 "Überblick über die einzelnen Funktionen der beiden Profilvarianten". */
const FEATURES = [
  ['contacts', 'yes', 'yes'],
  ['presence', 'no', 'yes'],
  ['calls', 'yes', 'yes'],
  ['chat', 'no', 'yes'],
  ['conferenceRoom', 'no', 'conference'],
  ['voicebox', 'yes', 'yes'],
  ['history', 'callsOnly', 'yes'],
  ['directory', 'yes', 'yes'],
  ['more', 'yes', 'yes'],
] as const;

type Cell = (typeof FEATURES)[number][1 | 2];

function CellText({ value }: { value: Cell }) {
  const { t } = useTranslation();
  if (value === 'yes') {
    return (
      <>
        <span aria-hidden>✓</span>
        <VisuallyHidden>{t('workplaces.desktop.yes')}</VisuallyHidden>
      </>
    );
  }
  if (value === 'no') {
    return (
      <>
        <span aria-hidden>—</span>
        <VisuallyHidden>{t('workplaces.desktop.no')}</VisuallyHidden>
      </>
    );
  }
  return <>{t(`workplaces.desktop.${value}`)}</>;
}

/** "Erläuterung zu den Desktop-Clients": Nur Sprache and Vollversion side by side. */
export function DesktopClientTable() {
  const { t } = useTranslation();
  const caption = t('workplaces.desktop.title');
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {caption}
      </Title>
      <Text size="sm">{t('workplaces.desktop.intro')}</Text>
      <Text size="sm">{t('workplaces.desktop.full')}</Text>
      <Text size="sm">{t('workplaces.desktop.voice')}</Text>
      <Table withTableBorder striped aria-label={caption} maw={720}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('workplaces.desktop.feature')}</Table.Th>
            <Table.Th scope="col">{t('workplaces.desktop.voiceProfile')}</Table.Th>
            <Table.Th scope="col">{t('workplaces.desktop.fullProfile')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {FEATURES.map(([feature, voice, full]) => (
            <Table.Tr key={feature}>
              <Table.Th scope="row" fw={400}>
                {t(`workplaces.desktop.features.${feature}`)}
              </Table.Th>
              <Table.Td>
                <CellText value={voice} />
              </Table.Td>
              <Table.Td>
                <CellText value={full} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed">
        {t('workplaces.desktop.downloadNote')}
      </Text>
    </Stack>
  );
}
