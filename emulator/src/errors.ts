/**
 * Genesys Cloud `ErrorBody` errors (contract §4.3). Route handlers throw these; one error handler
 * turns them into the platform's JSON shape.
 */
export interface ErrorBodyJson {
  message: string;
  code: string;
  status: number;
  messageWithParams: string;
  messageParams: Record<string, string>;
  contextId: string;
  details: { errorCode?: string; fieldName?: string }[];
  errors: ErrorBodyJson[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly details: { errorCode?: string; fieldName?: string }[] = [],
  ) {
    super(message);
  }

  toBody(contextId: string): ErrorBodyJson {
    return {
      message: this.message,
      code: this.code,
      status: this.status,
      messageWithParams: this.message,
      messageParams: {},
      contextId,
      details: this.details,
      errors: [],
    };
  }
}

export const badRequest = (message: string, code = 'bad.request', fieldName?: string) =>
  new ApiError(400, code, message, {}, fieldName ? [{ errorCode: code, fieldName }] : []);
export const unauthorized = (code: 'authentication.required' | 'bad.credentials') =>
  new ApiError(
    401,
    code,
    code === 'authentication.required'
      ? 'No authentication bearer token specified in authorization header.'
      : 'Invalid login credentials.',
  );
export const missingPermissions = (permissions: readonly string[]) =>
  new ApiError(
    403,
    'missing.any.permissions',
    `Unable to perform the requested action. You must have at least one of the following permissions assigned: [${permissions.join(', ')}]`,
  );
export const notActiveParticipant = () =>
  new ApiError(
    403,
    'conversation.error.forbidden.not.active.participant',
    'The caller is not an active participant of this conversation.',
  );
export const notAuthorized = (message: string) => new ApiError(403, 'not.authorized', message);
export const notFound = (message = 'The requested resource was not found.') =>
  new ApiError(404, 'not.found', message);

export function assert(condition: unknown, error: () => ApiError): asserts condition {
  if (!condition) throw error();
}
