import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiError, apiFetch } from './client.ts';
import { type SessionAnswer, sessionQueryKey } from './auth.ts';
import { setCsrfToken } from './client.ts';

// ---- first login (public) ----

export interface VerifyAnswer {
  ticket: string;
  expiresAt: string;
  username: string;
}

const firstLogin = '/api/v1/myportal/first-login';

/** Step 1: the same answer whether the username exists or not. */
export function useRequestTemporaryPassword() {
  return useMutation<{ accepted: true }, ApiError, { username: string }>({
    mutationFn: (input) => apiFetch(`${firstLogin}/request`, { body: input }),
  });
}

/** Step 2: the temporary password for a short-lived ticket. */
export function useVerifyTemporaryPassword() {
  return useMutation<VerifyAnswer, ApiError, { username: string; temporaryPassword: string }>({
    mutationFn: (input) => apiFetch(`${firstLogin}/verify`, { body: input }),
  });
}

/** Step 3: the new password; the answer is a session like the login's. */
export function useSetFirstPassword() {
  const queryClient = useQueryClient();
  return useMutation<SessionAnswer, ApiError, { ticket: string; password: string }>({
    mutationFn: (input) => apiFetch(`${firstLogin}/password`, { body: input }),
    onSuccess: (answer) => {
      setCsrfToken(answer.csrfToken);
      queryClient.setQueryData(sessionQueryKey, answer.user);
      queryClient.removeQueries({
        predicate: (query) => query.queryKey[0] !== 'meta' && query.queryKey[0] !== 'auth',
      });
    },
  });
}

// ---- the end user's own view ----

export type RegistrationStatus = 'registered' | 'not_registered' | 'unknown';

export interface MyDevice {
  id: string;
  position: number;
  name: string;
  category: string;
  manufacturer: string | null;
  provisioning: 'desk_phone' | 'softclient' | 'generic';
  macAddress: string | null;
  hasCredentials: boolean;
  credentialsIssuedAt: string | null;
  registration: RegistrationStatus;
}

export interface MyOverview {
  workplaceId: string;
  status: string;
  activatedAt: string | null;
  companyName: string;
  groupName: string;
  areaName: string | null;
  user: {
    salutation: string | null;
    firstName: string;
    lastName: string;
    email: string | null;
    street: string | null;
    postalCode: string | null;
    city: string | null;
    department: string | null;
    username: string;
    language: string;
    timeZone: string;
  };
  numbers: { main: string; internal: string; additional: string[] };
  devices: MyDevice[];
  mobile: { mode: 'none' | 'integration' | 'client'; number: string | null };
  addons: { productKey: string; name: string; status: string }[];
}

export interface DeviceCredentials {
  sipUsername: string;
  password: string;
  registrar: string;
  domain: string;
  realm: string;
  provisioningUrl: string | null;
  issuedAt: string;
}

export interface CredentialsAnswer {
  deviceId: string;
  credentials: DeviceCredentials | null;
}

export interface DownloadLink {
  title: string;
  url: string;
  description: string;
}

const myportal = '/api/v1/myportal';
const overviewKey = ['myportal', 'overview'] as const;
const devicesKey = ['myportal', 'devices'] as const;
const credentialsKey = (deviceId: string) => ['myportal', 'credentials', deviceId] as const;

export function useMyOverview() {
  return useQuery({
    queryKey: overviewKey,
    queryFn: ({ signal }) => apiFetch<MyOverview>(`${myportal}/overview`, { signal }),
    retry: false,
  });
}

export function useMyDevices() {
  return useQuery({
    queryKey: devicesKey,
    queryFn: ({ signal }) => apiFetch<{ items: MyDevice[] }>(`${myportal}/devices`, { signal }),
    retry: false,
  });
}

/** The first-login data of one device; fetched only once the user picks the device. */
export function useDeviceCredentials(deviceId: string | null) {
  return useQuery({
    queryKey: credentialsKey(deviceId ?? ''),
    queryFn: ({ signal }) =>
      apiFetch<CredentialsAnswer>(
        `${myportal}/devices/${encodeURIComponent(deviceId ?? '')}/credentials`,
        { signal },
      ),
    enabled: deviceId !== null,
    // Secrets stay in memory only as long as they are on screen.
    gcTime: 0,
  });
}

export function useReissueCredentials() {
  const queryClient = useQueryClient();
  return useMutation<CredentialsAnswer, ApiError, string>({
    mutationFn: (deviceId) =>
      apiFetch(`${myportal}/devices/${encodeURIComponent(deviceId)}/credentials`, {
        method: 'POST',
      }),
    onSuccess: (answer) => {
      queryClient.setQueryData(credentialsKey(answer.deviceId), answer);
      void queryClient.invalidateQueries({ queryKey: devicesKey });
      void queryClient.invalidateQueries({ queryKey: overviewKey });
    },
  });
}

export function useDownloads() {
  return useQuery({
    queryKey: ['myportal', 'downloads'] as const,
    queryFn: ({ signal }) =>
      apiFetch<{ items: DownloadLink[] }>(`${myportal}/downloads`, { signal }),
  });
}

// ---- admin side: a workplace's login data ----

export interface LoginData {
  workplaceId: string;
  status: string;
  username: string;
  authEmail: string;
  authMobile: string | null;
  withoutMobile: boolean;
  passwordDelivery: 'sms' | 'email';
  account: {
    passwordSet: boolean;
    disabled: boolean;
    lastLoginAt: string | null;
    passwordChangedAt: string | null;
  } | null;
  temporaryPasswordExpiresAt: string | null;
  canSendActivationMail: boolean;
  canResetPassword: boolean;
}

export interface LoginDataInput {
  authEmail: string;
  authEmailConfirm: string;
  authMobile: string | null;
  withoutMobile: boolean;
}

const loginBase = (companyId: string, workplaceId: string) =>
  `/api/v1/companies/${encodeURIComponent(companyId)}/workplaces/${encodeURIComponent(workplaceId)}`;
// Under the workplaces module's key (['workplaces', companyId]) so that changes there refresh it.
const loginDataKey = (companyId: string, workplaceId: string) =>
  ['workplaces', companyId, 'login-data', workplaceId] as const;

export function useLoginData(companyId: string, workplaceId: string) {
  return useQuery({
    queryKey: loginDataKey(companyId, workplaceId),
    queryFn: ({ signal }) =>
      apiFetch<LoginData>(`${loginBase(companyId, workplaceId)}/login-data`, { signal }),
  });
}

export function useChangeLoginData(companyId: string, workplaceId: string) {
  const queryClient = useQueryClient();
  return useMutation<LoginData, ApiError, LoginDataInput>({
    mutationFn: (input) =>
      apiFetch(`${loginBase(companyId, workplaceId)}/login-data`, { method: 'PUT', body: input }),
    onSuccess: (data) => {
      queryClient.setQueryData(loginDataKey(companyId, workplaceId), data);
      void queryClient.invalidateQueries({ queryKey: ['workplaces', companyId, 'detail'] });
      void queryClient.invalidateQueries({ queryKey: ['audit-log', companyId] });
    },
  });
}

export function useResendActivationMail(companyId: string, workplaceId: string) {
  return useMutation<{ sentTo: string }, ApiError, void>({
    mutationFn: () =>
      apiFetch(`${loginBase(companyId, workplaceId)}/activation-mail`, { method: 'POST' }),
  });
}

export function useStartPasswordReset(companyId: string, workplaceId: string) {
  const queryClient = useQueryClient();
  return useMutation<
    { delivery: 'sms' | 'email'; sentTo: string; expiresAt: string },
    ApiError,
    void
  >({
    mutationFn: () =>
      apiFetch(`${loginBase(companyId, workplaceId)}/password-reset`, { method: 'POST' }),
    onSuccess: () =>
      void queryClient.invalidateQueries({ queryKey: loginDataKey(companyId, workplaceId) }),
  });
}
