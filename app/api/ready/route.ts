import { checkReadiness } from "@/lib/server/ops/readiness";

export const dynamic = "force-dynamic";

// Readiness for a load balancer (README "Readiness"): 200 when this instance can serve, else 503 with a
// reason code (db, migrations, listen, shutting_down). Says nothing else about the instance.
export async function GET() {
  const verdict = await checkReadiness();
  const headers = { "Cache-Control": "no-store" };
  if (verdict.ready) return Response.json({ status: "ready" }, { headers });
  return Response.json({ status: "not_ready", reason: verdict.reason }, { status: 503, headers });
}
