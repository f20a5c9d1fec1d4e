import type { TFunction } from 'i18next';
import {
  type Contract,
  type ContractStatus,
  PARTNER_PRODUCTS,
  type PartnerProduct,
  type Product,
} from '../../api/companies.ts';
import { todayIso } from '../../format.ts';

/** The contract as the form holds it: number fields may be empty while typing. */
export interface ContractDraft {
  status: ContractStatus;
  startDate: string;
  street: string;
  postalCode: string;
  city: string;
  products: Product[];
  workplaceQuota: number | '';
  parallelCalls: number | '';
  partnerLicences: Record<PartnerProduct, number | ''>;
}

/** Field paths as the server names them in validation errors ("contract.city" → "city"). */
export type ContractField =
  | 'status'
  | 'startDate'
  | 'street'
  | 'postalCode'
  | 'city'
  | 'products'
  | 'workplaceQuota'
  | 'parallelCalls'
  | `partnerLicences.${PartnerProduct}`;

export type ContractErrors = Partial<Record<ContractField, string>>;

export function emptyContract(): ContractDraft {
  return {
    status: 'active',
    startDate: todayIso(),
    street: '',
    postalCode: '',
    city: '',
    products: ['cloud_pbx'],
    workplaceQuota: '',
    parallelCalls: '',
    partnerLicences: { zoom_phone: '', unify_office: '' },
  };
}

export function draftOf(contract: Contract): ContractDraft {
  return {
    status: contract.status,
    startDate: contract.startDate,
    street: contract.street,
    postalCode: contract.postalCode,
    city: contract.city,
    products: [...contract.products],
    workplaceQuota: contract.workplaceQuota,
    parallelCalls: contract.parallelCalls,
    partnerLicences: {
      zoom_phone: contract.partnerLicences.zoom_phone ?? '',
      unify_office: contract.partnerLicences.unify_office ?? '',
    },
  };
}

function isCount(value: number | ''): value is number {
  return value !== '' && Number.isInteger(value) && value >= 0;
}

/** Checks what the browser can check; the server checks again. */
export function validateContract(draft: ContractDraft, t: TFunction): ContractErrors {
  const errors: ContractErrors = {};
  const required = t('form.required');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.startDate)) {
    errors.startDate = t('contract.startDateRequired');
  }
  for (const field of ['street', 'postalCode', 'city'] as const) {
    if (draft[field].trim() === '') {
      errors[field] = required;
    }
  }
  if (draft.postalCode.trim() !== '' && !/^\d{5}$/.test(draft.postalCode.trim())) {
    errors.postalCode = t('contract.postalCodeInvalid');
  }
  if (draft.products.length === 0) {
    errors.products = t('contract.productsRequired');
  }
  for (const field of ['workplaceQuota', 'parallelCalls'] as const) {
    if (!isCount(draft[field])) {
      errors[field] = t('form.count');
    }
  }
  for (const product of PARTNER_PRODUCTS) {
    if (draft.products.includes(product) && !isCount(draft.partnerLicences[product])) {
      errors[`partnerLicences.${product}`] = t('form.count');
    }
  }
  return errors;
}

/** The contract to send; licences only for the partner products chosen. */
export function contractPayload(draft: ContractDraft): Contract {
  const partnerLicences: Contract['partnerLicences'] = {};
  for (const product of PARTNER_PRODUCTS) {
    const count = draft.partnerLicences[product];
    if (draft.products.includes(product) && count !== '') {
      partnerLicences[product] = count;
    }
  }
  return {
    status: draft.status,
    startDate: draft.startDate,
    street: draft.street.trim(),
    postalCode: draft.postalCode.trim(),
    city: draft.city.trim(),
    country: 'DE',
    products: draft.products,
    workplaceQuota: draft.workplaceQuota === '' ? 0 : draft.workplaceQuota,
    parallelCalls: draft.parallelCalls === '' ? 0 : draft.parallelCalls,
    partnerLicences,
  };
}

/** Server errors for the contract, from field paths with the given prefix ("contract."). */
export function contractServerErrors(
  fieldErrors: Record<string, string>,
  prefix: string,
): ContractErrors {
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(fieldErrors)) {
    if (field.startsWith(prefix)) {
      errors[field.slice(prefix.length)] = message;
    }
  }
  return errors;
}
