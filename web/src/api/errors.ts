// What the API said when it refused: its stable code and its message, shown to the user as is.
export class ApiError extends Error {
  readonly code: string;
  readonly field?: string;
  /** Seconds the server asked us to wait (its Retry-After), on a 429 or 503. */
  readonly retryAfter?: number;
  constructor(code: string, message: string, field?: string, retryAfter?: number) {
    super(message);
    this.code = code;
    this.field = field;
    this.retryAfter = retryAfter;
  }
}

interface GraphQLErrorLike {
  message: string;
  extensions?: { code?: unknown; field?: unknown };
}

/** The first error of a GraphQL result (urql's CombinedError or a plain list), as an ApiError. */
export function apiErrorOf(error: { graphQLErrors?: GraphQLErrorLike[]; networkError?: Error; message?: string } | undefined): ApiError | undefined {
  if (!error) return undefined;
  const first = error.graphQLErrors?.[0];
  if (first) {
    const { code, field } = first.extensions ?? {};
    return new ApiError(typeof code === 'string' ? code : 'ERROR', first.message, typeof field === 'string' ? field : undefined);
  }
  if (error.networkError instanceof ApiError) return error.networkError;
  return new ApiError('NETWORK_ERROR', 'The server could not be reached. Try again.');
}
