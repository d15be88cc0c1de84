import { requireStaff } from "@/lib/server/auth/actor";
import { logoJson } from "@/lib/server/branding/brand";
import { serveLogo } from "@/lib/server/branding/serve-logo";
import { loadLogo, removeLogo, saveLogo, tooLarge } from "@/lib/server/branding/logo-store";
import { MAX_LOGO_BYTES } from "@/lib/image-type";
import { getDatabase } from "@/lib/server/db/database";
import { handleRouteError } from "@/lib/server/http/handle-route-error";
import { readRawBytes } from "@/lib/server/http/read-json";

export const dynamic = "force-dynamic";

// The shop's uploaded logo (docs/api.md "Branding"). Anyone may read it: it is on the shopper's pages.
// Only the owner replaces or removes it; the body of a PUT is the image itself, whatever its Content-Type.

export async function GET(request: Request) {
  try {
    const { db } = await getDatabase();
    return serveLogo(request, await loadLogo(db));
  } catch (error) {
    return handleRouteError(error);
  }
}

export async function PUT(request: Request) {
  try {
    const actor = await requireStaff(request, ["owner"]);
    const bytes = await readRawBytes(request, MAX_LOGO_BYTES, tooLarge().message);
    const { db } = await getDatabase();
    return Response.json(logoJson(await saveLogo(db, bytes, actor.staff.id)));
  } catch (error) {
    return handleRouteError(error);
  }
}

export async function DELETE(request: Request) {
  try {
    const actor = await requireStaff(request, ["owner"]);
    const { db } = await getDatabase();
    await removeLogo(db, actor.staff.id);
    return Response.json(logoJson(null));
  } catch (error) {
    return handleRouteError(error);
  }
}
