// Entry point: config → database → HTTP → workers; nothing else.
import { ConfigError, loadConfig, type Config } from './config.ts';
import { DataDirLockedError } from './db/lock.ts';
import { createLogger } from './platform/logger.ts';
import { startServer } from './server.ts';
import { loadDotEnv } from './env-file.ts';

loadDotEnv();

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(78); // EX_CONFIG
  }
  throw err;
}

const logger = createLogger(config.logLevel);

try {
  const server = await startServer(config, { logger });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took longer than 15 s; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));

  const where = config.databaseUrl ? 'PostgreSQL' : `eingebettete Datenbank in ${config.dataDir}`;
  console.log(
    [
      '',
      `  Zentrale läuft: ${server.url}/`,
      `  Datenbank: ${where}`,
      `  API-Referenz: ${server.url}/api/docs`,
      server.seed.seeded
        ? '  Demo-Daten angelegt: Demo-Carrier, Muster Handels GmbH (K-100001).'
        : '',
      ...demoLogins(server.seed.generatedPasswords, Boolean(config.demo.password)),
      '',
    ]
      .filter((line, i, all) => line !== '' || i === 0 || i === all.length - 1)
      .join('\n'),
  );
} catch (err) {
  if (err instanceof DataDirLockedError) {
    console.error(err.message);
    process.exit(75); // EX_TEMPFAIL
  }
  logger.fatal({ err }, 'start-up failed');
  process.exit(1);
}

function demoLogins(generated: Record<string, string> | undefined, fromEnv: boolean): string[] {
  if (generated) {
    return [
      '  Demo-Zugänge (Passwörter werden nur jetzt angezeigt):',
      ...Object.entries(generated).map(([user, pw]) => `    ${user.padEnd(12)} ${pw}`),
    ];
  }
  return [
    fromEnv
      ? '  Demo-Zugänge: operator, demo-admin — Passwort aus ZENTRALE_DEMO_PASSWORD.'
      : '  Demo-Zugänge: operator, demo-admin (Passwörter wurden beim ersten Start angezeigt).',
  ];
}
