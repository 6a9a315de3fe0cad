// `startPreview(options)`: the preview server as a typed function. The CLI
// only parses arguments and calls it; the tests and the measuring script call
// it too. Flow: a save -> watcher -> coalescer -> renderer (build() with the
// shared browser) -> Server-Sent Event -> the client swaps in the new pages.
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { BrowserSession } from "../browser/browser-session.js";
import { editionFiles, latestEdition, listManifests } from "../manifest/discover.js";
import type { Language } from "../manifest/primitives.js";
import { type ProjectPaths, projectPaths } from "../paths.js";
import { Coalescer } from "./coalescer.js";
import { EventStreams } from "./event-stream.js";
import { PreviewRenderer, type RenderEvent } from "./preview-renderer.js";
import { createPreviewServer, type EditionEntry } from "./preview-server.js";
import { failureLines } from "./problem-report.js";
import { sourceOfText, textAtLine } from "./source-map.js";
import { type Target, targetFromKey, targetKey } from "./targets.js";
import { watchProject } from "./watch-project.js";

export interface PreviewOptions {
  paths?: ProjectPaths;
  /** Edition to open first and render before anyone asks; defaults to the latest. */
  edition?: string;
  /** Language of that edition; defaults to its first manifest (fr, then en). */
  language?: Language;
  /** Open it in the print profile (bleed, trim, crop marks); the toggle in the page switches. */
  profile?: "print";
  /** Defaults to 127.0.0.1: the preview is for this machine unless told otherwise. */
  host?: string;
  /** Defaults to 4317; 0 picks a free port. */
  port?: number;
  /** Where the preview's own builds go; defaults to output/.preview/ of the project. */
  outputDir?: string;
  /** A browser to borrow; otherwise the preview launches one and closes it on close(). */
  session?: BrowserSession;
  /** Quiet time after a save before rendering, to gather a burst of saves. */
  debounceMs?: number;
  reporter?: PreviewReporter;
}

export interface PreviewReporter {
  rendered?(key: string, pages: number, ms: number): void;
  failed?(key: string, lines: string[]): void;
  error?(err: unknown): void;
}

export interface PreviewServer {
  /** The index of editions. */
  url: string;
  /** The edition opened first (the one given, or the latest). */
  editionUrl: string;
  /** Resolves when no render is running or due (tests and scripts). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 4317;

async function editionEntries(editionsDir: string): Promise<EditionEntry[]> {
  const manifests = await listManifests(editionsDir).catch(() => []);
  const byId = new Map<string, string[]>();
  for (const m of manifests) byId.set(m.edition, [...(byId.get(m.edition) ?? []), m.language]);
  return [...byId].reverse().map(([id, languages]) => ({ id, languages }));
}

async function firstTarget(paths: ProjectPaths, edition?: string, language?: Language): Promise<Target | undefined> {
  // An edition the user named must exist (EditionNotFoundError otherwise); the latest may not.
  const id = edition ?? (await latestEdition(paths.editions).catch(() => undefined));
  if (!id) return undefined;
  const [first] = await editionFiles(id, { language, editionsDir: paths.editions });
  return { id, language: first.language };
}

/** Host headers to accept: every name this address can be reached by. */
function hostNames(host: string, port: number): Set<string> {
  const names = new Set(["127.0.0.1", "localhost", "[::1]", host.includes(":") ? `[${host}]` : host]);
  if (host === "0.0.0.0" || host === "::") {
    names.add(os.hostname());
    for (const list of Object.values(os.networkInterfaces()))
      for (const a of list ?? []) names.add(a.family === "IPv6" ? `[${a.address}]` : a.address);
  }
  return new Set([...names].map((n) => `${n.toLowerCase()}:${port}`));
}

function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "localhost";
  return host.includes(":") ? `[${host}]` : host;
}

export async function startPreview(options: PreviewOptions = {}): Promise<PreviewServer> {
  const paths = options.paths ?? projectPaths;
  const host = options.host ?? "127.0.0.1";
  const reporter = options.reporter ?? {};
  const found = await firstTarget(paths, options.edition, options.language);
  const first = found && options.profile === "print" ? { ...found, profile: "print" as const } : found;
  const ownSession = !options.session;
  const session = options.session ?? new BrowserSession();
  // Launch now: a missing browser is reported at start, and the first render is not a cold one.
  await session.version();

  const streams = new EventStreams();
  const stale = new Set<string>();
  const wanted = new Set<string>(first ? [targetKey(first)] : []);
  const interested = (key: string) => wanted.has(key) || (streams.followed().get(key) ?? 0) > 0;

  const onEvent = (event: RenderEvent) => {
    if (event.type === "rendering") streams.send(event.key, "rendering", {});
    else if (event.type === "rendered") {
      streams.send(event.key, "rendered", { ...event.snapshot, changed: event.changed });
      reporter.rendered?.(event.key, event.snapshot.pages ?? 0, event.snapshot.ms ?? 0);
    } else {
      streams.send(event.key, "failed", event.snapshot);
      if (event.snapshot.failure) reporter.failed?.(event.key, failureLines(event.snapshot.failure));
    }
  };
  const renderer = new PreviewRenderer({
    paths,
    outputDir: options.outputDir ?? path.join(paths.output, ".preview"),
    session,
    onEvent,
    // BrowserSession keeps a crashed browser as its browser; closing ours makes
    // the next render launch a fresh one. A borrowed session is its owner's to manage.
    recover: ownSession ? () => session.close() : undefined,
    superseded: (key) => coalescer.isPending(key),
  });
  /** What was saved since each target's last render: a save of stylesheets only needs no new HTML. */
  const saved = new Map<string, Set<string>>();

  const coalescer = new Coalescer<string>(async (keys) => {
    for (const key of keys) {
      const target = targetFromKey(key);
      if (!target) continue;
      // Nobody looking: render when someone comes back, not now.
      const areas = saved.get(key);
      saved.delete(key);
      if (!interested(key)) stale.add(key);
      else await renderer.render(target, { stylesOnly: areas?.size === 1 && areas.has("assets") });
      wanted.delete(key);
    }
    // 20 ms gathers an editor's "save all" (its writes come within a few ms);
    // a save that comes later is gathered into the next render all the same,
    // and a first print costs 0.2 s, so waiting longer only delays every save.
  }, options.debounceMs ?? 20);

  let editionsTimer: NodeJS.Timeout | undefined;
  const watcher = watchProject(
    paths,
    (change) => {
      const known = new Set([...streams.followed().keys(), ...wanted, ...renderer.keys()]);
      const affected = [...known].filter((key) => !change.edition || key.startsWith(`${change.edition}/`));
      for (const key of affected) saved.set(key, new Set([...(saved.get(key) ?? []), change.area]));
      for (const key of affected) if (!interested(key)) stale.add(key);
      coalescer.request(affected.filter(interested));
      if (change.area === "editions") {
        // An edition folder may have come or gone: the index tabs refresh their list.
        clearTimeout(editionsTimer);
        editionsTimer = setTimeout(async () => streams.send(undefined, "editions", await editionEntries(paths.editions)), 100);
      }
    },
    (err) => reporter.error?.(err),
  );

  let allowed = new Set<string>();
  const server = createPreviewServer({
    streams,
    allowedHosts: () => allowed,
    listEditions: () => editionEntries(paths.editions),
    pdf: (target) => renderer.pdf(targetKey(target))?.pdf,
    follow(target, res) {
      const key = targetKey(target);
      streams.sendTo(res, "state", renderer.snapshot(target));
      if (!renderer.has(key) || stale.delete(key)) coalescer.request([key], { immediate: true });
    },
    source: (target, ask) => (ask.text ? sourceOfText(paths, target, ask.text) : textAtLine(paths, target, ask.line ?? 0)),
    onError: (err) => reporter.error?.(err),
  });

  const port = await new Promise<number>((resolve, reject) => {
    server.once("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "EADDRINUSE")
        reject(new Error(`port ${options.port ?? DEFAULT_PORT} is already in use on ${host}; pass --port <n> (0 picks a free one)`));
      else reject(err);
    });
    server.listen(options.port ?? DEFAULT_PORT, host, () => resolve((server.address() as AddressInfo).port));
  }).catch(async (err) => {
    await watcher.close();
    streams.close();
    await coalescer.close();
    if (ownSession) await session.close();
    throw err;
  });
  allowed = hostNames(host, port);
  // Saves made from now on are seen.
  await watcher.ready;
  server.on("error", (err) => reporter.error?.(err));
  if (first) coalescer.request([targetKey(first)], { immediate: true });

  const url = `http://${urlHost(host)}:${port}/`;
  return {
    url,
    editionUrl: first ? `${url}#/${first.id}/${first.language}${first.profile ? "?profile=print" : ""}` : url,
    idle: () => coalescer.idle(),
    async close() {
      clearTimeout(editionsTimer);
      await watcher.close();
      await coalescer.close();
      await renderer.close();
      streams.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (ownSession) await session.close();
    },
  };
}
