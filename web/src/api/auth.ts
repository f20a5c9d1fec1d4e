import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiFetch, setCsrfToken } from './client.ts';

export const ROLES = ['operator', 'admin', 'portal', 'end_user'] as const;
export type Role = (typeof ROLES)[number];

export interface CompanyRef {
  id: string;
  name: string;
  customerNumber: string;
}

/** The signed-in user as GET /api/v1/auth/me returns it. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  /** portal: registered, no company unlocked yet; admin: administers at least one company. */
  role: Role;
  companies: CompanyRef[];
  language: 'de' | 'en';
}

/** The answer of login, register and /auth/me. */
export interface SessionAnswer {
  user: SessionUser;
  csrfToken: string;
}

export interface LoginInput {
  username: string;
  password: string;
}

export interface RegisterInput {
  username: string;
  email: string;
  password: string;
}

export const sessionQueryKey = ['auth', 'me'] as const;

/** Resolves to the user, or null when signed out. */
async function fetchSession(signal: AbortSignal): Promise<SessionUser | null> {
  try {
    const body = await apiFetch<SessionAnswer>('/api/v1/auth/me', { signal });
    setCsrfToken(body.csrfToken);
    return body.user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => fetchSession(signal),
    retry: false,
    staleTime: 60_000,
  });
}

/** The signed-in user; only for pages behind the access gate, where there always is one. */
export function useCurrentUser(): SessionUser | null {
  return useSession().data ?? null;
}

/** Starts a session: keeps the token, and drops whatever an earlier user left in the cache. */
function useStartSession() {
  const queryClient = useQueryClient();
  return (answer: SessionAnswer) => {
    setCsrfToken(answer.csrfToken);
    queryClient.setQueryData(sessionQueryKey, answer.user);
    queryClient.removeQueries({
      predicate: (query) => query.queryKey[0] !== 'meta' && query.queryKey[0] !== 'auth',
    });
  };
}

export function useLogin() {
  const startSession = useStartSession();
  return useMutation<SessionAnswer, ApiError, LoginInput>({
    mutationFn: (input) => apiFetch<SessionAnswer>('/api/v1/auth/login', { body: input }),
    onSuccess: startSession,
  });
}

export function useRegister() {
  const startSession = useStartSession();
  return useMutation<SessionAnswer, ApiError, RegisterInput>({
    mutationFn: (input) => apiFetch<SessionAnswer>('/api/v1/auth/register', { body: input }),
    onSuccess: startSession,
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, void>({
    mutationFn: () => apiFetch<void>('/api/v1/auth/logout', { method: 'POST' }),
    // Signed out locally even when the server could not be reached: nothing of the session stays.
    onSettled: () => {
      setCsrfToken(null);
      // Signed out first, so the access gate leaves the page before its data disappears.
      queryClient.setQueryData(sessionQueryKey, null);
      queryClient.removeQueries({
        predicate: (query) => query.queryKey[0] !== 'meta' && query.queryKey[0] !== 'auth',
      });
    },
  });
}
