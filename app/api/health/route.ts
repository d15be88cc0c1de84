export const dynamic = "force-dynamic";

// Liveness only: the world learns that the process answers, nothing about its mode or configuration
// (docs/api.md). Whether the database answers is /api/ready's question.
export function GET() {
  return Response.json({ status: "ok" });
}
