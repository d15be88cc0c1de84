import { MANAGERS, requireStaff } from "@/lib/server/auth/actor";
import { getDatabase } from "@/lib/server/db/database";
import { handleRouteError } from "@/lib/server/http/handle-route-error";
import { readJson } from "@/lib/server/http/read-json";
import {
  registerJson,
  registerNameSchema,
  renameRegister,
  revokeRegister,
} from "@/lib/server/auth/register-service";

export const dynamic = "force-dynamic";

export async function PATCH(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    await requireStaff(request, MANAGERS);
    const { name } = registerNameSchema.parse(await readJson(request));
    const { db } = await getDatabase();
    return Response.json(registerJson(await renameRegister(db, (await params).id, name)));
  } catch (error) {
    return handleRouteError(error);
  }
}

export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    await requireStaff(request, MANAGERS);
    const { db } = await getDatabase();
    return Response.json(registerJson(await revokeRegister(db, (await params).id)));
  } catch (error) {
    return handleRouteError(error);
  }
}
