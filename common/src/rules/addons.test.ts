import { describe, expect, it } from 'vitest';
import {
  addonViolations,
  blocking,
  configurationViolations,
  referencedProducts,
  type AddonFacts,
  type RuleProduct,
} from './addons.ts';

// The rules of seed 001 "Zusatz-Pakete hinzufügen" and seed 002 as catalogue data.
const catalogue: RuleProduct[] = [
  {
    key: 'assistant',
    name: 'Assistenzfunktion',
    requires: [{ kind: 'min_workplaces_with', product: 'assistant', count: 2 }],
  },
  { key: 'call_analytics_basic', name: 'Call Analytics Service Basic', requires: [] },
  {
    key: 'call_analytics',
    name: 'Call Analytics pro Arbeitsplatz',
    requires: [{ kind: 'company_has', product: 'call_analytics_basic' }],
  },
  { key: 'cti_tapi', name: 'CTI & TAPI', requires: [{ kind: 'own_step' }] },
  {
    key: 'group_function',
    name: 'Gruppenfunktion',
    requires: [{ kind: 'configured_after', product: 'group_function', count: 1 }],
  },
  {
    key: 'switchboard',
    name: 'Vermittlungsplatz',
    requires: [{ kind: 'configured_after', product: 'switchboard', count: 1 }],
  },
  {
    key: 'conference',
    name: 'Konferenz',
    requires: [{ kind: 'available_for', hosts: ['workplace'] }],
  },
  {
    key: 'conference_basic',
    name: 'Konferenz Basic',
    requires: [
      { kind: 'exclusive_with', product: 'conference_plus' },
      { kind: 'available_for', hosts: ['workplace', 'trunk_workplace'] },
    ],
  },
  {
    key: 'conference_plus',
    name: 'Konferenz Plus',
    requires: [{ kind: 'exclusive_with', product: 'conference_basic' }],
  },
  { key: 'mobile_client', name: 'Mobile-Client', requires: [] },
  {
    key: 'mobile_integration',
    name: 'Mobile Integration',
    requires: [{ kind: 'exclusive_with', product: 'mobile_client' }],
  },
];

const facts = (over: Partial<AddonFacts>): AddonFacts => ({
  companyProducts: [],
  workplacesWith: {},
  chosen: [],
  host: 'workplace',
  ...over,
});

describe('addonViolations: the dependency rules of seed 001 and 002', () => {
  it.each([
    [
      '"Sie müssen zuerst das Zusatz-Paket Call Analytics Service Basic für Ihr Unternehmen buchen"',
      facts({ chosen: ['call_analytics'] }),
      ['validation.addon.requires_company_product'],
    ],
    [
      'Call Analytics pro Arbeitsplatz after the company booked Call Analytics Service Basic',
      facts({ chosen: ['call_analytics'], companyProducts: ['call_analytics_basic'] }),
      [],
    ],
    [
      '"Assistenzfunktion … muss das Paket mindestens für zwei Arbeitsplätze gebucht werden": the first',
      facts({ chosen: ['assistant'] }),
      ['validation.addon.min_workplaces'],
    ],
    [
      'Assistenzfunktion on a second workplace (one other workplace has it)',
      facts({ chosen: ['assistant'], workplacesWith: { assistant: 1 } }),
      [],
    ],
    [
      '"… Zusatz-Pakete hinzufügen (außer für das Zusatz-Paket CTI & TAPI)": CTI & TAPI with others',
      facts({ chosen: ['cti_tapi', 'assistant'], workplacesWith: { assistant: 3 } }),
      ['validation.addon.own_step'],
    ],
    ['CTI & TAPI booked in its own step', facts({ chosen: ['cti_tapi'] }), []],
    [
      'seed 002: only one conference package (Basic and Plus together)',
      facts({ chosen: ['conference_basic', 'conference_plus'] }),
      ['validation.addon.exclusive'],
    ],
    [
      'MagentaEINS-style integration includes the mobile client: not both (rule on one side only)',
      facts({ chosen: ['mobile_client', 'mobile_integration'] }),
      ['validation.addon.exclusive'],
    ],
    [
      'seed 002: conference packages are bookable on SIP-trunk workplaces',
      facts({ chosen: ['conference_basic'], host: 'trunk_workplace' }),
      [],
    ],
    [
      'the Konferenz add-on of the Cloud PBX is not for SIP-trunk workplaces',
      facts({ chosen: ['conference'], host: 'trunk_workplace' }),
      ['validation.addon.not_available_for'],
    ],
    [
      'Gruppenfunktion can be booked on a first workplace ("für alle Arbeitsplätze … als Agent")',
      facts({ chosen: ['group_function'] }),
      [],
    ],
    [
      'an add-on that is not in the catalogue',
      facts({ chosen: ['fax'] }),
      ['validation.addon.unknown_product'],
    ],
  ])('%s', (_sentence, given, keys) => {
    expect(addonViolations(catalogue, given).map((v) => v.key)).toEqual(keys);
  });

  it('names the products in the message parameters', () => {
    const [v] = addonViolations(catalogue, facts({ chosen: ['call_analytics'] }));
    expect(v).toMatchObject({
      product: 'call_analytics',
      severity: 'error',
      params: {
        product: 'Call Analytics pro Arbeitsplatz',
        required: 'Call Analytics Service Basic',
      },
    });
  });

  it('the two-workplace rule only warns; a rule may override its severity as data', () => {
    const warned = addonViolations(catalogue, facts({ chosen: ['assistant'] }));
    expect(warned[0]).toMatchObject({ severity: 'warning', params: { count: 2, current: 1 } });
    expect(blocking(warned)).toEqual([]);
    const strict: RuleProduct[] = [
      {
        key: 'assistant',
        requires: [
          { kind: 'min_workplaces_with', product: 'assistant', count: 2, severity: 'error' },
        ],
      },
    ];
    expect(blocking(addonViolations(strict, facts({ chosen: ['assistant'] })))).toHaveLength(1);
  });

  it('rules come from the data: without the rule nothing is violated', () => {
    const noRules = catalogue.map((p) => ({ ...p, requires: [] }));
    expect(addonViolations(noRules, facts({ chosen: ['call_analytics', 'assistant'] }))).toEqual(
      [],
    );
  });
});

describe('configurationViolations: "Damit die Gruppenfunktion konfiguriert werden kann …"', () => {
  it.each([
    ['group_function', {}, ['validation.addon.configure_needs_workplaces']],
    ['group_function', { group_function: 1 }, []],
    ['switchboard', { group_function: 3 }, ['validation.addon.configure_needs_workplaces']],
    ['switchboard', { switchboard: 2 }, []],
    ['nonsense', {}, ['validation.addon.unknown_product']],
  ])('%s with %j', (key, counts, keys) => {
    expect(configurationViolations(catalogue, key, counts).map((v) => v.key)).toEqual(keys);
  });
});

describe('referencedProducts', () => {
  it('lists the product a rule names', () => {
    expect(referencedProducts({ kind: 'company_has', product: 'x' })).toEqual(['x']);
    expect(referencedProducts({ kind: 'own_step' })).toEqual([]);
    expect(referencedProducts({ kind: 'available_for', hosts: ['workplace'] })).toEqual([]);
  });
});
