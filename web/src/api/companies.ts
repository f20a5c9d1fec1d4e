import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiError, apiFetch, withQuery } from './client.ts';

export const PRODUCTS = ['cloud_pbx', 'sip_trunk', 'zoom_phone', 'unify_office'] as const;
export type Product = (typeof PRODUCTS)[number];
/** Products that need a licence count at the partner. */
export const PARTNER_PRODUCTS = ['zoom_phone', 'unify_office'] as const;
export type PartnerProduct = (typeof PARTNER_PRODUCTS)[number];
export const CONTRACT_STATUSES = ['active', 'ordered'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export interface Contract {
  status: ContractStatus;
  startDate: string;
  street: string;
  postalCode: string;
  city: string;
  country: 'DE';
  products: Product[];
  workplaceQuota: number;
  parallelCalls: number;
  partnerLicences: Partial<Record<PartnerProduct, number>>;
}

export interface CompanyAdmin {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
}

export interface Company {
  id: string;
  name: string;
  customerNumber: string;
  contactEmail: string | null;
  createdAt: string;
  contract: Contract & { updatedAt: string };
  admins: CompanyAdmin[];
}

export interface CompanyListItem {
  id: string;
  name: string;
  customerNumber: string;
  contractStatus: ContractStatus;
  workplaceQuota: number;
  parallelCalls: number;
  adminCount: number;
  createdAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Letter {
  documentId: string;
  filename: string;
  expiresAt: string;
}

export interface CreateCompanyInput {
  name: string;
  customerNumber: string;
  contactEmail: string | null;
  contract: Contract;
}

export interface CompanyListParams {
  search: string;
  page: number;
  pageSize: number;
}

const companyKey = (companyId: string) => ['companies', 'detail', companyId] as const;

/** Where the browser downloads a document (same-origin cookie auth). */
export function documentUrl(companyId: string, documentId: string): string {
  return `/api/v1/companies/${encodeURIComponent(companyId)}/documents/${encodeURIComponent(documentId)}`;
}

export function useCompanies(params: CompanyListParams) {
  return useQuery({
    queryKey: ['companies', 'list', params],
    queryFn: ({ signal }) =>
      apiFetch<Page<CompanyListItem>>(withQuery('/api/v1/companies', { ...params }), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCompany(companyId: string | undefined) {
  return useQuery({
    queryKey: companyKey(companyId ?? ''),
    queryFn: ({ signal }) =>
      apiFetch<Company>(`/api/v1/companies/${encodeURIComponent(companyId ?? '')}`, { signal }),
    enabled: companyId !== undefined && companyId !== '',
  });
}

export function useCreateCompany() {
  const queryClient = useQueryClient();
  return useMutation<{ company: Company; letter: Letter }, ApiError, CreateCompanyInput>({
    mutationFn: (input) => apiFetch('/api/v1/companies', { body: input }),
    onSuccess: ({ company }) => {
      queryClient.setQueryData(companyKey(company.id), company);
      void queryClient.invalidateQueries({ queryKey: ['companies', 'list'] });
    },
  });
}

/** Keeps the cached company and the list in step with a changed company. */
function useCompanyUpdated() {
  const queryClient = useQueryClient();
  return (company: Company) => {
    queryClient.setQueryData(companyKey(company.id), company);
    void queryClient.invalidateQueries({ queryKey: ['companies', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['audit-log', company.id] });
  };
}

export function useUpdateCompany(companyId: string) {
  const updated = useCompanyUpdated();
  return useMutation<Company, ApiError, { name?: string; contactEmail?: string | null }>({
    mutationFn: (input) =>
      apiFetch(`/api/v1/companies/${encodeURIComponent(companyId)}`, {
        method: 'PATCH',
        body: input,
      }),
    onSuccess: updated,
  });
}

export function useUpdateContract(companyId: string) {
  const updated = useCompanyUpdated();
  return useMutation<Company, ApiError, Partial<Contract>>({
    mutationFn: (input) =>
      apiFetch(`/api/v1/companies/${encodeURIComponent(companyId)}/contract`, {
        method: 'PATCH',
        body: input,
      }),
    onSuccess: updated,
  });
}

export function useIssueWelcomeLetter(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation<Letter, ApiError, void>({
    mutationFn: () =>
      apiFetch(`/api/v1/companies/${encodeURIComponent(companyId)}/welcome-letters`, {
        method: 'POST',
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['audit-log', companyId] }),
  });
}

export function useInviteAdmin(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation<{ email: string; expiresAt: string }, ApiError, string>({
    mutationFn: (email) =>
      apiFetch(`/api/v1/companies/${encodeURIComponent(companyId)}/admin-invitations`, {
        body: { email },
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['audit-log', companyId] }),
  });
}

export function useRemoveAdmin(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, string>({
    mutationFn: (userId) =>
      apiFetch(
        `/api/v1/companies/${encodeURIComponent(companyId)}/admins/${encodeURIComponent(userId)}`,
        { method: 'DELETE' },
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: companyKey(companyId) });
      void queryClient.invalidateQueries({ queryKey: ['companies', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['audit-log', companyId] });
    },
  });
}
