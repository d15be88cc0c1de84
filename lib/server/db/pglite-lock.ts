import "server-only";
import fs from "node:fs";
import path from "node:path";

// PGlite is a single-process database: two processes writing one data directory corrupt it.
// A lock file holding the owner's pid refuses the second opener with a message that says what to do.

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";
}

/** Takes the lock on `dir` for this process; returns a release function. */
export function acquireDataDirLock(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "pglite.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      const release = () => {
        try {
          if (fs.readFileSync(file, "utf8") === String(process.pid)) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(fs.readFileSync(file, "utf8").trim());
      if (owner === process.pid) return () => {};
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new DataDirLockedError(
          `The embedded database in ${dir} is already open in another process (pid ${owner}). ` +
            "PGlite cannot be shared: stop that process, give this one its own DATA_DIR, " +
            "or set DATABASE_URL to a PostgreSQL server to run several instances.",
        );
      }
      // The owner died without cleaning up: the lock is stale.
      fs.rmSync(file, { force: true });
    }
  }
  throw new DataDirLockedError(`Could not take the lock on ${file}.`);
}
