import { handleRouteError } from "@/lib/server/http/handle-route-error";
import { openApiDocument } from "@/lib/server/openapi/openapi-document";

export const dynamic = "force-dynamic";

// The HTTP contract, open to anyone: it holds schemas only, no data and no secret.
export async function GET() {
  try {
    return Response.json(openApiDocument());
  } catch (error) {
    return handleRouteError(error);
  }
}
