// What a process tree sent off the machine, read from `strace -f -yy` of its
// connect and send calls: every TCP connect or datagram to an address that is
// not loopback, and every DNS query (port 53, loopback included: a local stub
// resolver forwards it). A UDP connect with nothing sent on it is only a
// routing lookup (Chromium's IPv6 probe asks the kernel which source address
// it would use): no packet, listed apart so the test can show it.
import { readFileSync } from "node:fs";

export interface SocketTrace {
  /** Packets that leave the machine (connects, sends, DNS queries), as strace printed them. */
  leaving: string[];
  /** UDP connects to a remote address with nothing sent on them. */
  routeLookups: string[];
  /** How many traced calls were read (a trace that saw nothing proves nothing). */
  calls: number;
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.|0\.0\.0\.0$|::$)/;

/** The remote addresses a line mentions (sockaddr or the fd's decoded peer). */
function remotes(line: string): { addr: string; port: number }[] {
  const found: { addr: string; port: number }[] = [];
  for (const m of line.matchAll(/sin6?_port=htons\((\d+)\)[^}]*?inet_(?:addr|pton)\((?:AF_INET6?, )?"([^"]+)"/g)) {
    found.push({ addr: m[2], port: Number(m[1]) });
  }
  // -yy: <UDPv6:[[::]:40000->[2001:4860:4860::8888]:443]> or <UDP:[10.0.0.2:4000->10.255.255.53:53]>
  for (const m of line.matchAll(/<(?:UDP|TCP)v?6?:\[[^\]]*?->\[?([0-9a-fA-F:.]+)\]?:(\d+)\]>/g)) {
    found.push({ addr: m[1], port: Number(m[2]) });
  }
  return found;
}

export function readSocketTrace(file: string): SocketTrace {
  const leaving: string[] = [];
  const routeLookups: string[] = [];
  let calls = 0;
  for (const raw of readFileSync(file, "utf8").split("\n")) {
    const line = raw.replace(/^\d+\s+/, "");
    const call = /^(connect|sendto|sendmsg|sendmmsg)\(/.exec(line)?.[1];
    if (!call) continue;
    calls++;
    for (const { addr, port } of remotes(line)) {
      const local = LOOPBACK.test(addr);
      if (port === 53) leaving.push(line);
      else if (local) continue;
      // A TCP connect sends its SYN; a UDP connect sends nothing, its sends are counted.
      else if (call === "connect" && /^connect\(\d+<UDP/.test(line)) routeLookups.push(line);
      else leaving.push(line);
      break;
    }
  }
  return { leaving, routeLookups, calls };
}

export const STRACE = "/usr/bin/strace";
export const straceArgs = (out: string) => [
  "-f",
  "-qq",
  "-yy",
  "-e",
  "signal=none",
  "-s",
  "64",
  "-e",
  "trace=connect,sendto,sendmsg,sendmmsg",
  "-o",
  out,
];
