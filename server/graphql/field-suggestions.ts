// In production graphql-js's "Did you mean …?" hints are hidden: they spell out, field by field, the schema
// that introspection is refused for. graphql-armor's block-field-suggestions does the masking; it is an
// envelop plugin and grafserv validates with plain rules, so each rule's reported errors go through the
// plugin's own validation hook.
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import type { GraphQLError, ValidationRule } from 'postgraphile/graphql';

type ValidateEnd = (payload: { valid: boolean; result: readonly GraphQLError[]; setResult(errors: GraphQLError[]): void }) => void;
const onValidateEnd = (blockFieldSuggestionsPlugin({ mask: '' }).onValidate as (payload: unknown) => ValidateEnd)({});

/** The error without its suggestion. */
export function withoutSuggestion(error: GraphQLError): GraphQLError {
  let masked = error;
  onValidateEnd({ valid: false, result: [error], setResult: ([result]) => (masked = result) });
  return masked;
}

/** The rule, reporting its errors without suggestions. */
export function withoutSuggestions(rule: ValidationRule): ValidationRule {
  return (context) => rule(Object.create(context, { reportError: { value: (error: GraphQLError) => context.reportError(withoutSuggestion(error)) } }));
}
