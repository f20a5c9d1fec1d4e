import { DEMO_ADMIN, DEMO_COMPANY, OPERATOR } from './demo.ts';
import { expect, login, logout, test } from './fixtures.ts';

// Needs a fresh server (the e2e server gets a new data directory per run): the blocks are
// handed out once and the assignment below cannot be repeated. Other specs may have handed
// other blocks to the demo company before this one runs.
test('number plan: operator hands out numbers, admin explores, searches and sees taken ones', async ({
  page,
  checkA11y,
}) => {
  test.setTimeout(120_000);

  // The operator hands out a block and a single number to the demo company.
  await login(page, OPERATOR);
  await page.getByRole('searchbox', { name: 'Suche' }).fill('Muster');
  await page
    .getByRole('table', { name: 'Unternehmen' })
    .getByRole('link', { name: DEMO_COMPANY })
    .click();
  await page.getByRole('tab', { name: 'Rufnummern' }).click();
  await expect(page).toHaveURL(/tab=rufnummern$/);
  await expect(page.getByRole('heading', { name: 'Rufnummernübersicht' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Rufnummernblock / Einzelrufnummer vergeben' });
  await expect(form).toBeVisible();
  await checkA11y('operator: numbers tab');

  // Live check in the browser: an incomplete number is refused before sending.
  const number = form.getByRole('textbox', { name: 'Rufnummer ohne Durchwahl' });
  await number.fill('089');
  await number.blur();
  await expect(form.getByText(/Das ist keine gültige deutsche Rufnummer/)).toBeVisible();
  await number.fill('089 1234');
  await expect(form.getByText('Erkannt: 089 1234-00 … 99')).toBeVisible();
  await expect(form.getByRole('combobox', { name: 'Durchwahlstellen' })).toHaveValue('2');
  await expect(form.getByRole('checkbox', { name: '0x' })).toBeChecked();
  await expect(form.getByRole('checkbox', { name: '9x' })).toBeChecked();
  await form.getByRole('button', { name: 'Vergeben' }).click();
  await expect(form.getByText('089 1234-00 … 99 ist vergeben.')).toBeVisible();

  await form.getByRole('radio', { name: 'Einzelrufnummer' }).check();
  await form.getByRole('textbox', { name: 'Rufnummer', exact: true }).fill('0228 63803058');
  await form.getByRole('button', { name: 'Vergeben' }).click();
  await expect(form.getByText('0228 63803058 ist vergeben.')).toBeVisible();

  const blocks = page.getByRole('list', { name: 'Rufnummernblöcke und Einzelrufnummern' });
  await expect(blocks.getByRole('button', { name: /^089 1234-00 … 99/ })).toContainText(
    'aktuell verfügbar',
  );
  await expect(blocks.getByRole('button', { name: /^0228 63803058/ })).toBeVisible();
  await expect(
    blocks.getByRole('button', { name: 'Block zurücknehmen: 089 1234-00 … 99' }),
  ).toBeVisible();
  await checkA11y('operator: numbers handed out');
  const handedOut = await blocks.getByRole('listitem').count();

  // A CSV file with errors is refused as a whole; the problems are listed by row and column.
  const csv = page.getByRole('form', { name: 'Rufnummern aus einer CSV-Datei vergeben' });
  const template = csv.getByRole('link', { name: 'CSV-Vorlage herunterladen' });
  expect(decodeURIComponent((await template.getAttribute('href')) ?? '')).toContain(
    'Rufnummer;Art;Durchwahlstellen;Dekaden;Verfügbar ab;Herkunft',
  );
  await csv.getByLabel('CSV-Datei').setInputFiles({
    name: 'rufnummern.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'Rufnummer;Art;Durchwahlstellen;Dekaden;Verfügbar ab;Herkunft\n030 555;Block;2;0-9;;neu\n040 777;Block;2;0-9;;alt\n',
    ),
  });
  await csv.getByRole('button', { name: 'Datei hochladen' }).click();
  await expect(csv.getByRole('alert')).toContainText('es wurde nichts übernommen');
  const problems = csv.getByRole('table', { name: 'Fehler in der CSV-Datei' });
  await expect(problems.getByRole('row').nth(1)).toContainText('3Herkunft');
  await checkA11y('operator: CSV problems');
  await expect(blocks.getByRole('listitem')).toHaveCount(handedOut);
  await logout(page);

  // The admin opens the Rufnummernplan.
  await login(page, DEMO_ADMIN);
  const me = await page.request.get('/api/v1/auth/me');
  const session = (await me.json()) as { csrfToken: string; user: { companies: { id: string }[] } };
  const companyId = session.user.companies[0]?.id ?? '';
  // A number given to a company function through the API shows as taken below.
  const assigned = await page.request.post(`/api/v1/companies/${companyId}/number-assignments`, {
    headers: { 'x-csrf-token': session.csrfToken },
    data: {
      number: '+4989123405',
      targetType: 'company_function',
      targetId: 'empfang',
      targetLabel: 'Empfang',
    },
  });
  expect(assigned.status()).toBe(201);

  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await nav.getByRole('link', { name: 'Rufnummernplan' }).click();
  await expect(page).toHaveURL(/\/unternehmen\/rufnummern$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Rufnummernplan' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Direkthilfe' })).toHaveAttribute(
    'href',
    '/hilfe/rufnummernplan',
  );
  await expect(page.getByRole('checkbox', { name: 'Aktuell verfügbare Rufnummern' })).toBeChecked();
  await expect(
    page.getByRole('checkbox', { name: 'Zukünftig verfügbare Rufnummern' }),
  ).toBeChecked();
  await expect(page.getByRole('combobox', { name: 'Rufnummernlänge' })).toHaveCount(0);
  await checkA11y('admin: number plan');

  // Block → decade 0x → length → free numbers (standard view).
  const block = page.getByRole('button', { name: /^089 1234-00 … 99/ });
  await block.click();
  await expect(block).toHaveAttribute('aria-pressed', 'true');
  const decades = page.getByRole('list', { name: 'Dekaden von 089 1234-00 … 99' });
  await expect(decades.getByRole('button')).toHaveCount(10);
  await decades.getByRole('button', { name: '0x' }).click();
  const lengths = page.getByRole('list', { name: 'Rufnummernlängen der Dekade 0x' });
  await expect(lengths.getByRole('button')).toHaveCount(1);
  await lengths.getByRole('button', { name: /^10-stellig/ }).click();
  const numbers = page.getByRole('list', { name: 'Rufnummern der Dekade 0x, 10-stellig' });
  await expect(numbers.getByRole('button', { name: /^089 1234-00 frei/ })).toBeEnabled();
  await expect(numbers.getByRole('listitem')).toHaveCount(10);

  // The number given to "Empfang" is taken and cannot be chosen.
  const taken = numbers.getByRole('button', { name: /^089 1234-05/ });
  await expect(taken).toContainText('vergeben an Empfang');
  await expect(taken).toBeDisabled();
  await numbers.getByRole('button', { name: /^089 1234-07/ }).click();
  await expect(numbers.getByRole('button', { name: /^089 1234-07/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByRole('heading', { name: 'Rufnummer 089 1234-07' })).toBeVisible();
  await checkA11y('admin: decade numbers');

  // Expert view, length "Jede": the central number 089 1234-0 appears.
  await page.getByRole('button', { name: 'Zur Expertenansicht' }).click();
  await expect(page.getByRole('button', { name: 'Zur Standardansicht' })).toBeVisible();
  const lengthSelect = page.getByRole('combobox', { name: 'Rufnummernlänge' });
  await expect(lengthSelect).toHaveValue('standard');
  await lengthSelect.selectOption({ label: 'Jede' });
  await expect(lengths.getByRole('button')).toHaveCount(2);
  await lengths.getByRole('button', { name: /^9-stellig/ }).click();
  const central = page.getByRole('list', { name: 'Rufnummern der Dekade 0x, 9-stellig' });
  await expect(central.getByRole('button', { name: /^089 1234-0 frei/ })).toBeVisible();
  await checkA11y('admin: expert view, length Jede');

  // Rufnummernverlängerung: the 12/14 rule is checked while typing.
  await page.getByRole('button', { name: 'Rufnummernverlängerung für Dekade 0x' }).click();
  const dialog = page.getByRole('dialog', { name: /Rufnummernverlängerung: Dekade 0x/ });
  const by = dialog.getByRole('textbox', { name: 'Um wie viele Stellen verlängern?' });
  await by.fill('5');
  await expect(
    dialog.getByText(/national höchstens 12 Ziffern haben \(mit \+49: 14\)/),
  ).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Verlängern' })).toBeDisabled();
  await by.fill('1');
  await expect(dialog.getByText('Danach: 11-stellig, Durchwahlen 000 … 099.')).toBeVisible();
  await checkA11y('admin: lengthen dialog');
  await dialog.getByRole('button', { name: 'Verlängern' }).click();
  await expect(dialog).toBeHidden();
  await expect(decades.getByRole('button', { name: /^0x/ })).toContainText(
    'verlängert um 1 Stelle',
  );
  await expect(lengths.getByRole('button', { name: /^11-stellig/ })).toContainText('verlängert');
  await expect(lengths.getByRole('button')).toHaveCount(3);
  // …and taken back (none of the added numbers is assigned).
  await page.getByRole('button', { name: 'Rufnummernverlängerung für Dekade 0x' }).click();
  await dialog.getByRole('button', { name: 'Verlängerung zurücknehmen' }).click();
  await expect(dialog).toBeHidden();
  await expect(lengths.getByRole('button')).toHaveCount(2);
  await expect(decades.getByRole('button', { name: /^0x/ })).not.toContainText('verlängert');

  // Search "*030" finds 0228 63803058 anywhere in the number.
  const search = page.getByRole('searchbox', { name: 'Rufnummer suchen' });
  await search.fill('*030');
  await search.press('Enter');
  const results = page.getByRole('list', { name: 'Suchergebnis für „*030“' });
  await expect(results.getByRole('button', { name: /^0228 63803058 frei/ })).toBeVisible();
  await checkA11y('admin: search results');
  await page.getByRole('button', { name: 'Suche zurücksetzen' }).click();
  await expect(results).toBeHidden();
  await logout(page);

  // With a number in use, the operator cannot take the block back.
  await login(page, OPERATOR);
  await page.goto(`/betreiber/unternehmen/${companyId}?tab=rufnummern`);
  await page.getByRole('button', { name: 'Block zurücknehmen: 089 1234-00 … 99' }).click();
  const confirm = page.getByRole('dialog', { name: 'Block zurücknehmen' });
  await confirm.getByRole('button', { name: 'Block zurücknehmen' }).click();
  await expect(confirm.getByRole('alert')).toContainText('solange Rufnummern daraus vergeben sind');
  await checkA11y('operator: block in use');
  await confirm.getByRole('button', { name: 'Abbrechen' }).click();
  await logout(page);
});

test('operator: issued welcome letters stay downloadable, the newest one is valid', async ({
  page,
  checkA11y,
}) => {
  await login(page, OPERATOR);
  await page.getByRole('searchbox', { name: 'Suche' }).fill('Muster');
  await page
    .getByRole('table', { name: 'Unternehmen' })
    .getByRole('link', { name: DEMO_COMPANY })
    .click();
  await page.getByRole('tab', { name: 'Willkommensbrief' }).click();
  const letters = page.getByRole('table', { name: 'Erstellte Willkommensbriefe' });
  const issue = async () => {
    await page.getByRole('button', { name: 'Neuen Willkommensbrief erstellen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Neuen Willkommensbrief erstellen?' });
    await dialog.getByRole('button', { name: 'Neuen Willkommensbrief erstellen' }).click();
    await expect(dialog).toBeHidden();
  };
  // The demo company starts without letters (it is seeded, not created in the console).
  await expect(
    page.getByText('Es wurde noch kein Willkommensbrief erstellt.').or(letters),
  ).toBeVisible();
  const before = (await letters.isVisible()) ? (await letters.getByRole('row').count()) - 1 : 0;
  await issue();
  await issue();
  await expect(letters.getByRole('row')).toHaveCount(before + 3);
  await expect(letters.getByRole('row').nth(1)).toContainText('gültig');
  await expect(letters.getByRole('row').nth(2)).toContainText('ersetzt');
  await checkA11y('operator: issued welcome letters');

  // The current letter can be downloaded again later.
  const link = letters.getByRole('row').nth(1).getByRole('link');
  const pdf = await page.request.get((await link.getAttribute('href')) ?? '');
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  await logout(page);
});
