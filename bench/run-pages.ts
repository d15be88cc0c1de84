// npm run bench:pages — only the page rows of `npm run bench` ((e) page weight, (f) Charge → QR painted),
// against the embedded database: the quick way to see what a change to the screens did. Needs the
// production build (`npm run build`).
import fs from "node:fs";
import { agent } from "./http";
import { measurePages, printPages } from "./scenarios/pages";
import { assertPortsFree, startServers, stopChildren } from "./servers";

async function main() {
  await assertPortsFree();
  const servers = await startServers(undefined);
  try {
    const pages = await measurePages();
    printPages([{ store: "pglite", pages }]);
    fs.mkdirSync("bench/results", { recursive: true });
    const file = `bench/results/pages-${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
    fs.writeFileSync(
      file,
      `${JSON.stringify({ when: new Date().toISOString(), store: "pglite", pages }, null, 2)}\n`,
    );
    console.log(`saved ${file}`);
  } finally {
    await servers.stop();
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    void stopChildren();
    agent.destroy();
  });
