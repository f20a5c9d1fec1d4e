// HTTP adapter for an SMS gateway: POST {to, from, text} as JSON. 2xx = accepted, 4xx = the
// gateway will never accept this message, 5xx or no answer = try again later.
import { PermanentJobError } from '../jobs/runner.ts';

export interface SmsGatewayOptions {
  url: string;
  token: string | undefined;
  sender: string;
  timeoutMs?: number;
}

export interface OutgoingSms {
  to: string;
  text: string;
}

/** Sends one SMS; throws PermanentJobError on a 4xx answer and Error on anything retryable. */
export async function sendSms(options: SmsGatewayOptions, sms: OutgoingSms): Promise<void> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json, text/plain;q=0.9, */*;q=0.5',
  };
  if (options.token) {
    headers.authorization = `Bearer ${options.token}`;
  }
  let response: Response;
  try {
    response = await fetch(options.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ to: sms.to, from: options.sender, text: sms.text }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      redirect: 'error',
    });
  } catch (err) {
    // The URL is left out on purpose: gateways often carry credentials in it.
    throw new Error(`SMS gateway unreachable: ${networkReason(err)}`, { cause: err });
  }
  const answer = await readSnippet(response);
  if (response.ok) {
    return;
  }
  const reason = `SMS gateway answered HTTP ${response.status}${answer ? `: ${answer}` : ''}`;
  if (response.status >= 400 && response.status < 500 && response.status !== 429) {
    throw new PermanentJobError(reason);
  }
  // 429 (rate limited), 5xx and anything unexpected may well pass on a later attempt.
  throw new Error(reason);
}

async function readSnippet(response: Response): Promise<string> {
  try {
    const text = await response.text();
    return text.replace(/\s+/g, ' ').trim().slice(0, 200);
  } catch {
    return '';
  }
}

function networkReason(err: unknown): string {
  if (err instanceof Error) {
    if (err.name === 'TimeoutError' || err.name === 'AbortError') {
      return 'timeout';
    }
    const cause = (err as Error & { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? err.message;
  }
  return String(err);
}
