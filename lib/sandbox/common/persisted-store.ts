import type { z } from "zod";
import { JsonStateFile } from "./json-state-file";

// What every sandbox store does with its JSON state file (see JsonStateFile): each store only says what its
// snapshot holds and how to read one back.

export abstract class PersistedStore<Snapshot> {
  private readonly state: JsonStateFile<Snapshot>;

  protected constructor(file: string | undefined, label: string) {
    this.state = new JsonStateFile(file, () => this.snapshot(), label);
  }

  /**
   * The saved state, or undefined. Called from the subclass's constructor, not this one: the subclass's
   * maps only exist once `super()` has returned.
   */
  protected load(schema: z.ZodType<Snapshot>): Snapshot | undefined {
    return this.state.load(schema);
  }

  /** Call after every mutation; the file is rewritten shortly after, once per burst. */
  changed(): void {
    this.state.changed();
  }

  flush(): Promise<void> {
    return this.state.flush();
  }

  protected abstract snapshot(): Snapshot;
}
