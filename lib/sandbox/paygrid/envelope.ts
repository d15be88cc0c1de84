// PayGrid's response bodies (docs/providers.md#paygrid-endpoints): `{status, code, message, data, meta}` on success and
// `{status:"error", code, error_code, message, details?}` on failure, `code` echoing the HTTP status.

export interface FieldIssue {
  field: string;
  message: string;
}

export type ErrorDetails = FieldIssue[] | Record<string, unknown>;

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

export function success(
  status: number,
  message: string,
  data: unknown,
  meta: Record<string, unknown> = {},
): Response {
  return json(status, { status: "success", code: status, message, data, meta });
}

export function failure(
  status: number,
  errorCode: string,
  message: string,
  details?: ErrorDetails,
  headers: Record<string, string> = {},
): Response {
  const body: Record<string, unknown> = { status: "error", code: status, error_code: errorCode, message };
  if (details !== undefined) body.details = details;
  return json(status, body, headers);
}

export function validationError(details: FieldIssue[]): Response {
  return failure(400, "VALIDATION_ERROR", "Validation failed", details);
}

export function notFound(message = "Not found"): Response {
  return failure(404, "NOT_FOUND", message);
}

/** Thrown by helpers deep in a request to answer with an error envelope right away. */
export class SandboxHttpError extends Error {
  constructor(readonly response: Response) {
    super("sandbox http error");
  }
}

/** Parses a request body that must be a JSON object; otherwise the 400 answer to send back. */
export function parseJsonObject(text: string): Record<string, unknown> | Response {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return validationError([{ field: "body", message: "must be a JSON object" }]);
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return validationError([{ field: "body", message: "must be a JSON object" }]);
  }
  return body as Record<string, unknown>;
}
