// The project runs on the Node.js that package-lock.json pins (the npm `node`
// package), whatever Node the machine has: `npm run` finds it first on the
// PATH, and bin/observatory.js started by another node hands over to it.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";

const lock = JSON.parse(readFileSync(path.join(projectRoot, "package-lock.json"), "utf8"));
const pkg = JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8"));
const pinned: string = lock.packages["node_modules/node"].version;
const pinnedBinary = path.join(projectRoot, "node_modules", "node", "bin", "node");

/** The first `node` on the PATH that is not the project's own: the machine's, if it has one. */
function machineNode(): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, "node");
    if (!dir || path.resolve(dir).startsWith(path.join(projectRoot, "node_modules"))) continue;
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

const other = machineNode();
const otherVersion = other && spawnSync(other, ["-p", "process.versions.node"], { encoding: "utf8" }).stdout.trim();

describe("the pinned Node.js", () => {
  it("is a Node.js 24 LTS that package.json asks for and names exactly", () => {
    expect(pinned).toMatch(/^24\.\d+\.\d+$/);
    expect(pkg.dependencies.node).toBe(pinned);
    expect(pkg.engines.node).toMatch(/^\^24\./);
    expect(Number(pinned.split(".")[1])).toBeGreaterThanOrEqual(Number(pkg.engines.node.split(".")[1]));
  });

  it("runs the tests (npm test finds it first on the PATH)", () => {
    expect(process.versions.node).toBe(pinned);
    expect(spawnSync("node", ["-p", "process.versions.node"], { encoding: "utf8" }).stdout.trim()).toBe(pinned);
  });

  it("is a working binary with the compile cache", () => {
    const r = spawnSync(pinnedBinary, ["-p", "typeof require('node:module').enableCompileCache"], { encoding: "utf8" });
    expect(r.stdout.trim()).toBe("function");
  });

  it.skipIf(!other || otherVersion === pinned)(
    "takes over bin/observatory.js started by the machine's node, and passes its exit code back",
    () => {
      const version = spawnSync(other as string, ["bin/observatory.js", "--version"], { cwd: projectRoot, encoding: "utf8" });
      expect(version.status).toBe(0);
      expect(version.stdout.trim().split("\n").at(-1)).toBe(`Node.js ${pinned}`);
      const wrong = spawnSync(other as string, ["bin/observatory.js", "buidl"], { cwd: projectRoot, encoding: "utf8" });
      expect([wrong.status, wrong.stderr]).toEqual([2, expect.stringContaining("did you mean build?")]);
    },
  );
});
