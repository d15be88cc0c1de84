import "server-only";
import { API_VERSION_HEADER, isApiVersion, LATEST_API_VERSION, type ApiVersion } from "@/lib/api-version";
import { ApiError } from "./api-error";
import { handleRouteError } from "./handle-route-error";

/** The Malipo-Version a request asks for; an unknown one is refused rather than guessed. */
export function requestedApiVersion(request: Request): ApiVersion {
  const asked = request.headers.get(API_VERSION_HEADER)?.trim();
  if (!asked) return LATEST_API_VERSION;
  if (isApiVersion(asked)) return asked;
  throw new ApiError(
    "VALIDATION_ERROR",
    `Unknown ${API_VERSION_HEADER}; this server speaks ${LATEST_API_VERSION}.`,
    {
      fields: [{ path: API_VERSION_HEADER, message: `use ${LATEST_API_VERSION}` }],
    },
  );
}

/**
 * A merchant-API route: the version is read first, the answer (errors included) carries the version used,
 * so a shop can log which contract it was answered in.
 */
export async function versionedRoute(
  request: Request,
  handle: (version: ApiVersion) => Promise<Response>,
): Promise<Response> {
  let version: ApiVersion = LATEST_API_VERSION;
  let response: Response;
  try {
    version = requestedApiVersion(request);
    response = await handle(version);
  } catch (error) {
    response = handleRouteError(error);
  }
  response.headers.set(API_VERSION_HEADER, version);
  return response;
}
