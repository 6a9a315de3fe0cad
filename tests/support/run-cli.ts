// The one way fault tests start a command as a person would: the real CLI in
// its own process group (so a test can signal it, or kill it and everything
// it started), with its own TMPDIR (so leftovers are easy to see).
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "../../src/paths.js";

export type Command =
  | "build-edition"
  | "archive"
  | "archive-verify"
  | "archive-index"
  | "preview"
  | "check-edition"
  | "preflight"
  | "new-edition"
  | "diff-edition";

const SUBCOMMAND: Record<Command, string> = {
  "build-edition": "build",
  archive: "archive",
  "archive-verify": "verify",
  preview: "preview",
  "check-edition": "check",
  preflight: "preflight",
  "new-edition": "new",
  "diff-edition": "diff",
  "archive-index": "index",
};

/**
 * The compiled command users run (bin/observatory.js). `root`: a copy of the
 * project (with its code) to run instead of this one.
 */
export function commandLine(command: Command, args: string[], root = projectRoot): string[] {
  return [process.execPath, path.join(root, "bin", "observatory.js"), SUBCOMMAND[command], ...args];
}

export interface CliRun {
  child: ChildProcess;
  /** Everything written so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves when the process ended (or `limitMs` passed: then it is killed and `timedOut` is set). */
  done: Promise<CliResult>;
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

export interface CliOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Run the commands of this copy of the project (made with copyProject({ withCode: true })). */
  root?: string;
  /** Keep stdin open as a pipe (to type into a terminal made by `script`). */
  stdin?: boolean;
  /** The process group is killed after this long (the test then fails on `timedOut`). */
  limitMs?: number;
}

/** A fresh TMPDIR for one run. */
export const freshTmp = () => mkdtempSync(path.join(os.tmpdir(), "fault-tmp-"));

export function startCli(command: Command, args: string[], options: CliOptions = {}): CliRun {
  const [bin, ...rest] = commandLine(command, args, options.root);
  return startProcess(bin, rest, { cwd: options.root, ...options });
}

export function startProcess(bin: string, args: string[], options: CliOptions = {}): CliRun {
  const start = performance.now();
  const child = spawn(bin, args, {
    cwd: options.cwd ?? projectRoot,
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    detached: true,
    stdio: [options.stdin ? "pipe" : "ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d) => {
    stdout += d;
  });
  child.stderr?.on("data", (d) => {
    stderr += d;
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup(child.pid);
  }, options.limitMs ?? 60_000);
  const done = new Promise<CliResult>((resolve) => {
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Math.round(performance.now() - start), timedOut });
    });
  });
  return { child, stdout: () => stdout, stderr: () => stderr, done };
}

/**
 * `command` run by a shell in a terminal of its own (util-linux `script`):
 * what is written to the run's stdin is typed there, so "\x03" is a real
 * Ctrl-C, sent by the terminal to every process of the foreground job.
 */
export function startInTerminal(command: string, options: CliOptions = {}): CliRun {
  return startProcess("script", ["-qfec", command, "/dev/null"], { ...options, stdin: true });
}

export function runCli(command: Command, args: string[], options: CliOptions = {}): Promise<CliResult> {
  return startCli(command, args, options).done;
}

export function killGroup(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {}
}

/** Resolves once `test` holds for the run's output, or rejects after `ms`. */
export async function waitFor(test: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Processes still running whose command line mentions `text` (a TMPDIR, an output folder). */
export function processesMentioning(text: string): string[] {
  const ps = execFileSync("ps", ["-eo", "pid=,stat=,args="], { encoding: "utf8" });
  return ps
    .split("\n")
    .filter((l) => l.includes(text) && !/^\s*\d+\s+Z/.test(l))
    .map((l) => l.trim());
}

/** What a run left in its TMPDIR. */
export const leftIn = (dir: string) => readdirSync(dir);
