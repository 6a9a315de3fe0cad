// Saves arrive in bursts (an editor writes a file, then its backup; "save all"
// writes ten). Requests are debounced, and a request that comes while a run is
// in progress only marks its keys dirty: when the run ends, exactly one more
// run covers everything asked for meanwhile, with the files as they are then.
// Nothing queues behind a render that is already out of date.

export class Coalescer<K> {
  private readonly pending = new Set<K>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly run: (keys: K[]) => Promise<void>,
    private readonly debounceMs = 50,
  ) {}

  /** Ask for a run covering `keys`; `immediate` skips the debounce (a first view, not a save). */
  request(keys: Iterable<K>, options: { immediate?: boolean } = {}): void {
    for (const key of keys) this.pending.add(key);
    if (this.closed || !this.pending.size) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    if (options.immediate) this.start();
    else this.timer = setTimeout(() => this.start(), this.debounceMs);
  }

  /** Whether a run for `key` is asked for and not started yet. */
  isPending(key: K): boolean {
    return this.pending.has(key);
  }

  /** Resolves when no run is in progress or due. */
  async idle(): Promise<void> {
    while (this.running || this.timer) {
      if (this.running) await this.running;
      else await new Promise((resolve) => setTimeout(resolve, this.debounceMs));
    }
  }

  /** Stop starting runs; the one in progress finishes. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
    await this.running;
  }

  private start(): void {
    this.timer = undefined;
    if (this.running || this.closed || !this.pending.size) return;
    this.running = this.loop();
  }

  private async loop(): Promise<void> {
    try {
      // A burst still being debounced gets its own start when its timer fires.
      while (this.pending.size && !this.closed && !this.timer) {
        const keys = [...this.pending];
        this.pending.clear();
        await this.run(keys).catch(() => {});
      }
    } finally {
      this.running = undefined;
    }
  }
}
