// Server-Sent Events: one long response per open preview tab. Each stream may
// follow one target; events about it, and events for everyone, are written to it.
import type { ServerResponse } from "node:http";

interface Client {
  res: ServerResponse;
  key?: string;
}

// Proxies and some browsers drop a silent connection; a comment line keeps it open.
const HEARTBEAT_MS = 15_000;

export class EventStreams {
  private readonly clients = new Set<Client>();
  private readonly heartbeat = setInterval(() => {
    for (const c of this.clients) c.res.write(": ping\n\n");
  }, HEARTBEAT_MS).unref();

  /** Start streaming to `res`, until the tab goes away. */
  open(res: ServerResponse, key: string | undefined): void {
    res.writeHead(200, { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store", Connection: "keep-alive" });
    // Reconnect quickly after a server restart.
    res.write("retry: 500\n\n");
    const client = { res, key };
    this.clients.add(client);
    res.on("close", () => this.clients.delete(client));
  }

  /** Write an event to the streams following `key`, or to every stream when `key` is undefined. */
  send(key: string | undefined, event: string, data: unknown): void {
    const text = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const c of this.clients) if (key === undefined || c.key === key) c.res.write(text);
  }

  sendTo(res: ServerResponse, event: string, data: unknown): void {
    res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** Follower count of each key. */
  followed(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const c of this.clients) if (c.key) counts.set(c.key, (counts.get(c.key) ?? 0) + 1);
    return counts;
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const c of this.clients) c.res.end();
    this.clients.clear();
  }
}
