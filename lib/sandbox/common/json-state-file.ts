import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { z } from "zod";

// A simulated provider must not forget its payments when our app restarts, so each sandbox keeps its whole
// state in one JSON file, written atomically (tmp + rename) and coalesced: a burst of changes costs one write.

const WRITE_DELAY_MS = 25;

export class JsonStateFile<T> {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  /**
   * @param file absent → memory only: `changed()` and `flush()` do nothing
   * @param snapshot the state to write, called at write time so a burst writes its last state
   * @param label names the sandbox in warnings
   */
  constructor(
    private readonly file: string | undefined,
    private readonly snapshot: () => T,
    private readonly label: string,
  ) {}

  /** The saved state, or undefined on first start or when the file cannot be read as `schema`. */
  load(schema: z.ZodType<T>): T | undefined {
    if (!this.file) return undefined;
    let text: string;
    try {
      text = fs.readFileSync(this.file, "utf8");
    } catch {
      return undefined; // first start
    }
    try {
      return schema.parse(JSON.parse(text));
    } catch {
      console.warn(`[${this.label}] ignoring unreadable state file ${this.file}`);
      return undefined;
    }
  }

  /** Call after every mutation; the file is rewritten shortly after, once per burst. */
  changed(): void {
    if (!this.file) return;
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.writeNow();
    }, WRITE_DELAY_MS);
    this.timer.unref?.();
  }

  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    await this.writeNow();
  }

  private writeNow(): Promise<void> {
    // Chained so two writes never race on the tmp file and the last state always lands last.
    this.writing = this.writing.then(async () => {
      if (!this.file || !this.dirty) return;
      this.dirty = false;
      const text = JSON.stringify(this.snapshot());
      const tmp = `${this.file}.${process.pid}.${randomUUID()}.tmp`;
      try {
        await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
        await fs.promises.writeFile(tmp, text);
        await fs.promises.rename(tmp, this.file);
      } catch (error) {
        this.dirty = true;
        console.error(`[${this.label}] could not save state to ${this.file}:`, error);
        await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
      }
    });
    return this.writing;
  }
}
