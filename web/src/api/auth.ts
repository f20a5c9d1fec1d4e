import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiFetch } from './client.ts';

/** The signed-in user as far as the shell needs it; the session issue extends this. */
export interface SessionUser {
  id?: string;
  username?: string;
  displayName?: string;
  role?: string;
}

export interface LoginInput {
  username: string;
  password: string;
}

export const sessionQueryKey = ['auth', 'me'] as const;

/** Resolves to the user, or null when signed out (401, or 404 while the endpoint is missing). */
async function fetchSession(signal: AbortSignal): Promise<SessionUser | null> {
  try {
    const body = await apiFetch<{ user: SessionUser }>('/api/v1/auth/me', { signal });
    return body.user;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 404)) {
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

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation<unknown, ApiError, LoginInput>({
    mutationFn: (input) => apiFetch<unknown>('/api/v1/auth/login', { body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
  });
}
