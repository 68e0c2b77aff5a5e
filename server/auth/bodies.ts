// The /auth/* bodies' schemas and their strict validation, shared by the sign-in and account routes.
import type { FastifySchemaCompiler } from 'fastify';
import Type from 'typebox';
import { Compile } from 'typebox/compile';

export const Email = Type.String({ format: 'email', maxLength: 320 });
export const Password = Type.String({ minLength: 8, maxLength: 200 });
/** A mailed token (verification, reset): 64 hex characters when genuine; anything else is simply unknown. */
export const MailedToken = Type.String({ minLength: 1, maxLength: 200 });

// Fastify's default Ajv coerces types (a number password becomes a string) and silently strips the
// properties `additionalProperties: false` forbids; these bodies carry credentials, so a wrong type or an
// unknown field is refused (400 VALIDATION_FAILED, naming the field) instead of being reinterpreted.
export const strictBody: FastifySchemaCompiler<Type.TSchema> = ({ schema }) => {
  const validator = Compile(schema);
  return (value: unknown) => {
    if (validator.Check(value)) return { value };
    const errors = validator.Errors(value);
    const first = errors[0];
    const what = first?.message === 'schema is false' ? 'is not allowed' : first?.message;
    return { error: Object.assign(new Error(first ? `body${first.instancePath} ${what}` : 'body is invalid'), { validation: errors }) };
  };
};
