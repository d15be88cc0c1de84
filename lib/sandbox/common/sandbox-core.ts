import { guardRoute } from "./guard-route";
import type { WebhookDispatcher } from "./webhook-dispatcher";

// Every simulated provider is the same assembly of parts: live settings, a persisted store, a webhook
// dispatcher, and an engine that moves payments on its own. Only the parts differ per provider, so the
// wiring between them (and how a sandbox shuts down) lives here once.

export interface SandboxOptions<Settings> {
  /** Absolute URL of this sandbox's root, e.g. "http://localhost:3000/sandbox/paygrid". */
  publicUrl: string;
  settings?: Partial<Settings>;
  /** JSON persistence; absent → memory only. */
  stateFile?: string;
  /** For webhook delivery. */
  fetch?: typeof fetch;
  /** Millisecond clock (tests). */
  now?: () => number;
}

export interface Sandbox<Settings> {
  /** `path` is relative to the sandbox root, e.g. "/api/v1/…", "/control/settings", "/pay/<id>". */
  handle(request: Request, path: string): Promise<Response>;
  settings(): Settings;
  /** Clears timers and flushes state. */
  close(): Promise<void>;
}

/** What every route of one sandbox instance shares. */
export interface SandboxCore<Store, Engine, Settings, Patch> {
  store: Store;
  engine: Engine;
  dispatcher: WebhookDispatcher;
  settings(): Settings;
  updateSettings(patch: Patch): Settings;
  now(): number;
  /** Absolute root of this sandbox, without a trailing slash. */
  publicUrl: string;
}

interface PersistedStore {
  flush(): Promise<void>;
}

interface TimedEngine {
  /** Resumes expiry and auto outcomes of the payments that were open when the state was saved. */
  armAll(): void;
  close(): void;
}

export interface SandboxParts<Store, Engine, Settings, Patch> {
  /** The settings the sandbox starts with, defaults already applied. */
  settings: Settings;
  applySettingsPatch(settings: Settings, patch: Patch): Settings;
  store: Store;
  createDispatcher(deps: {
    fetch: typeof fetch;
    now: () => number;
    settings: () => Settings;
  }): WebhookDispatcher;
  createEngine(deps: {
    store: Store;
    dispatcher: WebhookDispatcher;
    settings: () => Settings;
    now: () => number;
  }): Engine;
}

export function createSandboxCore<Store extends PersistedStore, Engine extends TimedEngine, Settings, Patch>(
  options: SandboxOptions<Settings>,
  parts: SandboxParts<Store, Engine, Settings, Patch>,
): SandboxCore<Store, Engine, Settings, Patch> {
  let settings = parts.settings;
  const now = options.now ?? Date.now;
  const { store } = parts;
  const dispatcher = parts.createDispatcher({
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    now,
    settings: () => settings,
  });
  const engine = parts.createEngine({ store, dispatcher, settings: () => settings, now });
  const core: SandboxCore<Store, Engine, Settings, Patch> = {
    store,
    engine,
    dispatcher,
    now,
    settings: () => settings,
    updateSettings: (patch) => (settings = parts.applySettingsPatch(settings, patch)),
    publicUrl: options.publicUrl.replace(/\/+$/, ""),
  };
  engine.armAll();
  return core;
}

/** The sandbox as its mount point sees it: `route` behind the logged-500 guard, and an orderly close. */
export function serveSandbox<Store extends PersistedStore, Engine extends TimedEngine, Settings, Patch>(
  core: SandboxCore<Store, Engine, Settings, Patch>,
  label: string,
  route: (request: Request, path: string) => Promise<Response>,
  internalError: () => Response,
): Sandbox<Settings> {
  return {
    handle: guardRoute(label, route, internalError),
    settings: () => core.settings(),
    async close() {
      core.engine.close();
      core.dispatcher.close();
      await core.store.flush();
    },
  };
}
