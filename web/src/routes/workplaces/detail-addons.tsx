import { useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  Radio,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type Workplace,
  useChangeAddons,
  useChangeConference,
  useProducts,
} from '../../api/workplaces.ts';
import { formatDate } from '../../format.ts';
import { CART_PATH } from '../paths.ts';
import { CHECKBOX_ADDONS, conferenceKeys, useProductLabel } from './sections/addons-section.tsx';
import { berlinToday, productName } from './workplace-labels.ts';

/** Add-ons that can be booked or cancelled here (the conference has its own choice). */
const BOOKABLE = [...CHECKBOX_ADDONS, 'mobile_client'] as const;
const LIVE = ['ordered', 'active'];

/** Add-ons cost money: changes become cart items (book / cancel / conference change). */
export function DetailAddons({
  companyId,
  workplace,
}: {
  companyId: string;
  workplace: Workplace;
}) {
  const { t } = useTranslation();
  const products = useProducts();
  const labelOf = useProductLabel();
  const addons = useChangeAddons(companyId, workplace.id);
  const conference = useChangeConference(companyId, workplace.id);
  const booked = workplace.addons
    .filter((addon) => LIVE.includes(addon.status))
    .map((addon) => addon.productKey);
  const conferenceOptions = conferenceKeys(products.data?.items);
  const bookedConference = booked.find((key) => conferenceOptions.includes(key)) ?? '';
  const [chosen, setChosen] = useState<string[]>(() =>
    booked.filter((key) => !conferenceOptions.includes(key)),
  );
  const [chosenConference, setChosenConference] = useState<string | null>(null);
  const [date, setDate] = useState<string | null>(null);
  const [added, setAdded] = useState<number | null>(null);
  const title = t('workplaces.detail.addonsTitle');
  const add = chosen.filter((key) => !booked.includes(key));
  const remove = booked.filter(
    (key) => (BOOKABLE as readonly string[]).includes(key) && !chosen.includes(key),
  );
  const error = addons.error ?? conference.error;

  const submit = () => {
    setAdded(null);
    if (add.length > 0 || remove.length > 0) {
      addons.mutate(
        { add, remove, activationDate: date },
        { onSuccess: (answer) => setAdded((count) => (count ?? 0) + answer.cartItems.length) },
      );
    }
    if (chosenConference !== null && chosenConference !== bookedConference) {
      conference.mutate(chosenConference || null, {
        onSuccess: () => setAdded((count) => (count ?? 0) + 1),
      });
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="detail-addons">
      <Stack gap="sm">
        <Title order={2} size="h4" id="detail-addons">
          {title}
        </Title>
        <Text size="sm">{t('workplaces.detail.addonsIntro')}</Text>
        {workplace.addons.length > 0 && (
          <Table aria-label={t('workplaces.detail.bookings')} maw={820}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('workplaces.price.product')}</Table.Th>
                <Table.Th scope="col">{t('workplaces.list.status')}</Table.Th>
                <Table.Th scope="col">{t('workplaces.detail.activeFrom')}</Table.Th>
                <Table.Th scope="col">{t('workplaces.detail.termEnd')}</Table.Th>
                <Table.Th scope="col">{t('workplaces.detail.endsOn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {workplace.addons.map((addon) => (
                <Table.Tr key={`${addon.productKey}-${addon.status}`}>
                  <Table.Td>{productName(t, products.data?.items, addon.productKey)}</Table.Td>
                  <Table.Td>
                    {t(`workplaces.bookingStatuses.${addon.status}`, addon.status)}
                  </Table.Td>
                  <Table.Td>{formatDate(addon.activeFrom)}</Table.Td>
                  <Table.Td>{formatDate(addon.minimumTermEnd)}</Table.Td>
                  <Table.Td>{formatDate(addon.endsOn)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Radio.Group
          label={t('workplaces.addons.conference')}
          value={chosenConference ?? bookedConference}
          onChange={setChosenConference}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="" label={t('workplaces.addons.noConference')} />
            {conferenceOptions.map((key) => (
              <Radio key={key} value={key} label={labelOf(key)} />
            ))}
          </Stack>
        </Radio.Group>
        <Stack gap="xs">
          {BOOKABLE.map((key) => (
            <Checkbox
              key={key}
              label={labelOf(key)}
              checked={chosen.includes(key)}
              onChange={(event) => {
                const on = event.currentTarget.checked;
                setChosen((current) => (on ? [...current, key] : current.filter((k) => k !== key)));
              }}
            />
          ))}
        </Stack>
        <Group gap="sm" align="flex-end">
          <Checkbox
            label={t('workplaces.detail.laterDate')}
            checked={date !== null}
            onChange={(event) => setDate(event.currentTarget.checked ? berlinToday() : null)}
          />
          {date !== null && (
            <TextInput
              type="date"
              label={t('workplaces.activation.date')}
              value={date}
              min={berlinToday()}
              onChange={(event) => setDate(event.currentTarget.value)}
            />
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('workplaces.addons.termNote')}
        </Text>
        <div role="alert">
          {error !== null && (
            <Alert color="red" variant="light">
              {error.fieldErrors[0]?.message ?? error.message}
            </Alert>
          )}
        </div>
        <div role="status">
          {added !== null && (
            <Alert color="teal" variant="light">
              {t('workplaces.detail.addonsAdded', { count: added })}
            </Alert>
          )}
        </div>
        {added !== null && (
          <Anchor component={Link} to={CART_PATH} size="sm">
            {t('workplaces.cart.toCart')}
          </Anchor>
        )}
        <Button
          style={{ alignSelf: 'flex-start' }}
          loading={addons.isPending || conference.isPending}
          disabled={
            add.length === 0 &&
            remove.length === 0 &&
            (chosenConference === null || chosenConference === bookedConference)
          }
          onClick={submit}
        >
          {t('workplaces.detail.addonsToCart')}
        </Button>
      </Stack>
    </Paper>
  );
}
