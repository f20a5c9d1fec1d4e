import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type SessionUser, sessionQueryKey } from './auth.ts';
import { type ApiError, apiFetch } from './client.ts';

export interface UnlockAnswer {
  company: { id: string; name: string };
  /** The masked e-mail address the Freischaltcode went to. */
  activationSentTo: string;
}

export interface ActivateAnswer {
  user: SessionUser;
  company: { id: string; name: string };
}

/** Step 1: the Einmal-Passwort from the welcome letter or an admin invitation. */
export function useUnlock() {
  return useMutation<UnlockAnswer, ApiError, string>({
    mutationFn: (code) => apiFetch<UnlockAnswer>('/api/v1/onboarding/unlock', { body: { code } }),
  });
}

/** Step 2: the Freischaltcode from the e-mail; the user becomes an admin of the company. */
export function useActivate() {
  const queryClient = useQueryClient();
  return useMutation<ActivateAnswer, ApiError, string>({
    mutationFn: (code) =>
      apiFetch<ActivateAnswer>('/api/v1/onboarding/activate', { body: { code } }),
    onSuccess: (answer) => {
      queryClient.setQueryData(sessionQueryKey, answer.user);
      void queryClient.invalidateQueries({ queryKey: ['companies'] });
    },
  });
}
