// Next.js calls register() once when a server process starts. The NEXT_RUNTIME check must stay literal so
// the edge bundle drops the Node-only start code (the one place outside lib/server/env.ts that reads env).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { start } = await import("./lib/server/start");
    await start();
  }
}
