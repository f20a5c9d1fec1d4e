import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';

// ZENTRALE_WEB_DIR lets parallel browser-test runs on one machine serve their own builds.
export const WEB_DIST =
  process.env.ZENTRALE_WEB_DIR ??
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/web');

/** Serves the built web app; returns the SPA fallback, or null when nothing is built. */
export async function registerWebApp(
  app: FastifyInstance,
  root = WEB_DIST,
): Promise<((request: unknown, reply: FastifyReply) => unknown) | null> {
  if (!existsSync(path.join(root, 'index.html'))) {
    app.log.warn({ root }, 'web app not built (npm run build); serving the API only');
    return null;
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: ['index.html'],
    // Hashed assets may be cached for a year; index.html never, so deployments take effect.
    setHeaders(res, filePath) {
      res.header(
        'cache-control',
        filePath.includes(`${path.sep}assets${path.sep}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      );
    },
  });
  return (_request, reply) => reply.type('text/html').sendFile('index.html');
}
