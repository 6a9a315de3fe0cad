// "No network" proved from outside: every connect and send of the command's
// whole process tree (Node and every Chromium process) is traced by strace
// during a build, a preview render and an archive, and nothing may leave the
// machine: no DNS query (Chromium asked for accounts.google.com,
// update.googleapis.com and clients2.google.com in every build), no TCP
// connect, no datagram to a remote address.
import { readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RULE_IDS } from "../../src/preflight/rules.js";
import { expectNothingLeft, scratch } from "../support/fault-kit.js";
import { copyProject, type ProjectCopy } from "../support/project-copy.js";
import { commandLine, killGroup, startProcess, waitFor } from "../support/run-cli.js";
import { readSocketTrace, STRACE, straceArgs } from "../support/socket-trace.js";

let project: ProjectCopy;
beforeAll(() => {
  project = copyProject({ withCode: true });
});
afterAll(() => project.remove());

function report(what: string, trace: ReturnType<typeof readSocketTrace>, ms: number): void {
  console.log(
    `${what}: ${trace.calls} connect/send calls traced in ${ms} ms, ${trace.leaving.length} leaving the machine, ` +
      `${trace.routeLookups.length} UDP route lookups (no packet)`,
  );
  for (const line of trace.leaving.slice(0, 5)) console.log(`  ${line}`);
}

describe("the socket trace reader", () => {
  it("counts what Chromium sent before the fix, and not loopback or local sockets", async () => {
    const s = scratch();
    try {
      const file = path.join(s.dir, "trace");
      // Lines from `strace -f -yy` of a build before the fix (shortened).
      writeFileSync(
        file,
        [
          '8699  sendmmsg(125<UDP:[10.0.0.2:40000->10.255.255.53:53]>, [{msg_hdr={msg_name=NULL, msg_iov=[{iov_base="aO\\1\\0\\0\\1\\0\\0\\0\\0\\0\\0\\10clients2\\6google\\3com"...}]}}], 2, MSG_NOSIGNAL) = 2',
          '8859  connect(21<UDP:[45443]>, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.255.255.53")}, 16) = 0',
          '8860  connect(5<TCP:[45444]>, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("142.250.1.1")}, 16) = -1 EINPROGRESS',
          '8859  connect(22<UDPv6:[45442]>, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2001:4860:4860::8888", &sin6_addr), sin6_scope_id=0}, 28) = 0',
          '8861  connect(7<TCP:[45445]>, {sa_family=AF_INET, sin_port=htons(4000), sin_addr=inet_addr("127.0.0.1")}, 16) = 0',
          '8862  connect(8<UNIX:[45446]>, {sa_family=AF_UNIX, sun_path="/run/dbus/system_bus_socket"}, 110) = -1 ENOENT',
          '8863  sendto(13<NETLINK:[45447]>, "\\20\\0\\0\\0", 80, MSG_NOSIGNAL, NULL, 0) = 80',
        ].join("\n"),
      );
      const t = readSocketTrace(file);
      expect(t.calls).toBe(7);
      expect(t.leaving).toHaveLength(3);
      expect(t.routeLookups).toHaveLength(1);
    } finally {
      s.done();
    }
  });
});

describe("nothing leaves the machine", () => {
  it("in a build of 2026-04 (strace of the whole process tree)", async () => {
    const s = scratch();
    try {
      const file = path.join(s.dir, "trace");
      const [node, ...args] = commandLine("build-edition", ["2026-04", "--out-dir", s.out], project.paths.root);
      const run = startProcess(STRACE, [...straceArgs(file), node, ...args], {
        cwd: project.paths.root,
        env: { TMPDIR: s.tmp },
        limitMs: 150_000,
      });
      const r = await run.done;
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const trace = readSocketTrace(file);
      report("build 2026-04", trace, r.ms);
      // The trace really saw the tree: Chromium's own local sockets are there.
      expect(trace.calls).toBeGreaterThan(50);
      expect(trace.leaving).toEqual([]);
      await expectNothingLeft(s.tmp, s.out);
    } finally {
      s.done();
    }
  });

  it("in a preview render, from start to Ctrl-C", async () => {
    const s = scratch();
    const file = path.join(s.dir, "trace");
    const [node, ...args] = commandLine("preview", ["2026-03", "--port", "0"], project.paths.root);
    const run = startProcess(STRACE, [...straceArgs(file), node, ...args], {
      cwd: project.paths.root,
      env: { TMPDIR: s.tmp },
      limitMs: 150_000,
    });
    try {
      await waitFor(() => /Preview at/.test(run.stdout()), 60_000, "the preview to listen");
      const url = /Preview at (http:\/\/[^#\s]+)/.exec(run.stdout())?.[1] as string;
      // A tab following the edition makes it render.
      const tab = http.get(`${url}events?edition=2026-03&lang=en`);
      tab.on("error", () => {});
      await waitFor(() => /pages in/.test(run.stdout()), 90_000, "the first render");
      tab.destroy();
      // Ctrl-C to the preview itself, strace's child.
      const pid = Number(readFileSync(`/proc/${run.child.pid}/task/${run.child.pid}/children`, "utf8").trim().split(" ")[0]);
      process.kill(pid, "SIGINT");
      const r = await run.done;
      expect(r.timedOut).toBe(false);
      expect(r.stderr).toContain("Interrupted (SIGINT)");
      expect(r.code).toBe(130);
      const trace = readSocketTrace(file);
      report("preview 2026-03", trace, r.ms);
      expect(trace.calls).toBeGreaterThan(50);
      expect(trace.leaving).toEqual([]);
      await expectNothingLeft(s.tmp);
    } finally {
      killGroup(run.child.pid);
      s.done();
    }
  });

  it("in an archive (build, preflight, thumbnail)", async () => {
    const s = scratch();
    try {
      const file = path.join(s.dir, "trace");
      const allow = RULE_IDS.flatMap((rule) => ["--allow", rule]);
      const [node, ...args] = commandLine("archive", ["2026-03", ...allow], project.paths.root);
      const run = startProcess(STRACE, [...straceArgs(file), node, ...args], {
        cwd: project.paths.root,
        env: { TMPDIR: s.tmp },
        limitMs: 200_000,
      });
      const r = await run.done;
      expect(r.timedOut).toBe(false);
      const trace = readSocketTrace(file);
      report(`archive 2026-03 (exit ${r.code})`, trace, r.ms);
      expect(trace.calls).toBeGreaterThan(50);
      expect(trace.leaving).toEqual([]);
      await expectNothingLeft(s.tmp);
    } finally {
      s.done();
    }
  });
});
