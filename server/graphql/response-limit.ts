// The largest answer a query may get (GRAPHQL_MAX_RESPONSE_BYTES): the cost limit bounds how many objects
// a response may hold, this bounds their bytes (a page of tasks with 20 KB descriptions and 64 KiB
// metadata is large however few). Only queries: a mutation's change has committed by the time its
// answer exists, and withholding that answer would make a client retry what already happened.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export const responseLimitPlugin = fp(async (app: FastifyInstance, { maxBytes }: { maxBytes: number }) => {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.graphqlOperation?.type !== 'query' || !(Buffer.isBuffer(payload) || typeof payload === 'string')) return payload;
    const size = Buffer.byteLength(payload);
    if (size <= maxBytes) return payload;
    request.log.warn({ size, maxBytes, operation: request.graphqlOperation.name }, 'GraphQL response over the size limit');
    reply.status(400).type('application/json; charset=utf-8');
    return JSON.stringify({
      errors: [
        {
          message: `The response would be ${size.toLocaleString('en')} bytes; the limit is ${maxBytes.toLocaleString('en')}. Ask for fewer rows or fields.`,
          extensions: { code: 'RESPONSE_TOO_LARGE', maxBytes },
        },
      ],
    });
  });
});
