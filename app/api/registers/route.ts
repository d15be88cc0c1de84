import { MANAGERS, requireStaff } from "@/lib/server/auth/actor";
import { getDatabase } from "@/lib/server/db/database";
import { handleRouteError } from "@/lib/server/http/handle-route-error";
import { readJson } from "@/lib/server/http/read-json";
import {
  createRegister,
  listRegisters,
  registerJson,
  registerNameSchema,
} from "@/lib/server/auth/register-service";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    await requireStaff(request, MANAGERS);
    const { db } = await getDatabase();
    return Response.json({ data: (await listRegisters(db)).map(registerJson) });
  } catch (error) {
    return handleRouteError(error);
  }
}

export async function POST(request: Request) {
  try {
    await requireStaff(request, MANAGERS);
    const { name } = registerNameSchema.parse(await readJson(request));
    const { db } = await getDatabase();
    const { row, code, pairingUrl } = await createRegister(db, name);
    return Response.json(
      { ...registerJson(row), pairing_code: code, pairing_url: pairingUrl },
      { status: 201 },
    );
  } catch (error) {
    return handleRouteError(error);
  }
}
