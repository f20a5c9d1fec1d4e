// Test support for the notifications tests: a company row to hang messages on, and in-process
// stand-ins for an SMTP server and an HTTP SMS gateway.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Executor } from '../../db/client.ts';
import { companies, providers } from '../../db/schema/index.ts';

/** A provider and a company (outbox rows and documents reference a company). */
export async function insertTestCompany(db: Executor, name: string): Promise<string> {
  const [provider] = await db
    .insert(providers)
    .values({ name: 'Demo-Carrier', productName: 'Cloud PBX' })
    .returning({ id: providers.id });
  const [company] = await db
    .insert(companies)
    .values({
      providerId: provider!.id,
      name,
      customerNumber: `K-${Math.floor(Math.random() * 1e9)}`,
    })
    .returning({ id: companies.id });
  return company!.id;
}

export interface SmtpSink {
  port: number;
  messages: Buffer[];
  logins: string[];
  close(): Promise<void>;
}

/** An SMTP server on 127.0.0.1 without TLS that collects raw messages. */
export async function startSmtpSink(
  options: {
    /** Answer RCPT TO with this SMTP code (for example 550) instead of accepting. */
    rejectRecipientWith?: number;
  } = {},
): Promise<SmtpSink> {
  const messages: Buffer[] = [];
  const logins: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      logins.push(auth.username ?? '');
      callback(null, { user: auth.username });
    },
    onRcptTo(_address, _session, callback) {
      if (options.rejectRecipientWith) {
        const err = new Error('Recipient address rejected: mailbox unavailable');
        (err as Error & { responseCode: number }).responseCode = options.rejectRecipientWith;
        callback(err);
        return;
      }
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        messages.push(Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    messages,
    logins,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface SmsRequest {
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface SmsGatewaySim {
  url: string;
  requests: SmsRequest[];
  close(): Promise<void>;
}

/** An HTTP SMS gateway on 127.0.0.1; `answer` decides status and body per request (1-based). */
export async function startSmsGateway(
  answer: (n: number, req: SmsRequest) => { status: number; body?: string } = () => ({
    status: 202,
    body: '{"id":"sms-1"}',
  }),
): Promise<SmsGatewaySim> {
  const requests: SmsRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Kept as text: the test asserts on what arrived.
      }
      const request = { headers: req.headers, body };
      requests.push(request);
      const { status, body: out } = answer(requests.length, request);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(out ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/messages`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
