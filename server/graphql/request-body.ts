// The HTTP layer of /graphql: a body that is not a GraphQL request (not a JSON object, a batch, `query`
// not a string, `variables` not an object) is refused before grafserv sees it, with the same
// {"error":{"code","message"}} body as every other HTTP error. Everything about the document itself
// (syntax, validation, variables' values) is the GraphQL layer's: {"errors":[…]} with extensions.code.
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import { Compile } from 'typebox/compile';
import { AppError } from '../errors.ts';

const JsonObject = Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]);
const GraphQLRequestBody = Compile(
  Type.Object({
    query: Type.Optional(Type.String()),
    // Trusted documents (TRUSTED_DOCUMENTS=1) are sent by id instead of text.
    documentId: Type.Optional(Type.String()),
    operationName: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    variables: Type.Optional(JsonObject),
    extensions: Type.Optional(JsonObject),
  }),
);

/** POST /graphql's preValidation. */
export const checkRequestBody = ({ trustedDocuments }: { trustedDocuments: boolean }) =>
  async function checkRequestBody(request: FastifyRequest) {
    const body = request.body;
    if (Array.isArray(body)) {
      throw new AppError('VALIDATION_FAILED', 'Batched operations are not supported: send one operation per request');
    }
    if (!GraphQLRequestBody.Check(body)) {
      const first = GraphQLRequestBody.Errors(body)[0];
      const where = first?.instancePath ? `body${first.instancePath}` : 'the body';
      throw new AppError('VALIDATION_FAILED', `Send a GraphQL request {"query", "variables", "operationName"}: ${where} ${first?.message ?? 'is invalid'}`);
    }
    const { query, documentId } = body as { query?: string; documentId?: string };
    if (trustedDocuments && documentId === undefined) {
      // Refused here: @grafserv/persisted would log each such request with a stack trace.
      throw new AppError('VALIDATION_FAILED', 'Only trusted documents run on this server: send {"documentId", "variables"}');
    }
    if (query === undefined && documentId === undefined) {
      throw new AppError('VALIDATION_FAILED', 'Send a GraphQL request {"query", "variables", "operationName"}: the body has no query');
    }
  };
