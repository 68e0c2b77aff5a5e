// The web console (web/, built into web/dist by `npm install` or `npm run web:build`), served from the
// API's own origin so that CORS stays closed: hashed assets cached for a year, index.html never without
// revalidation (a deploy shows at once). This is also where an unknown path ends: a browser asking for
// a page gets the console, whose router shows it or its own "not found"; API clients get a JSON 404.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { notFound } from './errors.ts';

const DIST = fileURLToPath(new URL('../web/dist/', import.meta.url));
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

const wantsHtml = (request: FastifyRequest) => request.headers.accept?.includes('text/html') ?? false;

export const consoleRoutes = fp(async (app: FastifyInstance) => {
  const built = fs.existsSync(`${DIST}index.html`);
  if (built) {
    await app.register(fastifyStatic, {
      root: DIST,
      wildcard: false,
      cacheControl: false,
      setHeaders: (reply, filePath) => void reply.header('cache-control', filePath.includes('/assets/') ? IMMUTABLE : REVALIDATE),
    });
  } else {
    app.log.warn('web/dist is missing: the console at / is not served until `npm run web:build`');
  }
  app.setNotFoundHandler(async (request, reply) => {
    if (request.method !== 'GET' || !wantsHtml(request)) return notFound(request, reply);
    if (!built) return reply.status(503).type('text/plain').send('The web console is not built: run `npm run web:build` (npm install does it).\n');
    return reply.header('cache-control', REVALIDATE).sendFile('index.html');
  });
});
