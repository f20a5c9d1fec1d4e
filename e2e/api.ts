import { type APIRequestContext, expect, request } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { DEMO_PASSWORD, OPERATOR } from './demo.ts';

/** The one-time code printed in a welcome letter: four groups of four, without 0/O/1/I. */
export const ONE_TIME_CODE = /[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}/;

/** The text of a PDF, all pages joined. */
export async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return text;
}

/** An API client signed in as the demo operator (its own session, beside the browser's). */
export async function operatorApi(baseURL: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const answer = await api.post('/api/v1/auth/login', {
    data: { username: OPERATOR, password: DEMO_PASSWORD },
  });
  expect(answer.status()).toBe(200);
  return api;
}

interface OutboxItem {
  id: string;
  recipient: string;
  template: string;
}

/** The body of the newest outbox message with this template to this recipient. */
export async function outboxBody(
  api: APIRequestContext,
  template: string,
  recipient: string,
): Promise<string> {
  const list = await api.get('/api/v1/outbox?pageSize=100');
  expect(list.status()).toBe(200);
  const { items } = (await list.json()) as { items: OutboxItem[] };
  const message = items.find((item) => item.template === template && item.recipient === recipient);
  expect(message, `${template} to ${recipient} in the outbox`).toBeDefined();
  const detail = await api.get(`/api/v1/outbox/${message?.id ?? ''}`);
  expect(detail.status()).toBe(200);
  return ((await detail.json()) as { body: string }).body;
}
