// Marked content of the pages' content streams: everything painted is tagged
// (a BDC with an MCID) or an artifact, and the two never nest in each other.
// Form XObjects painted inside tagged content inherit its tag and are not read.
import { arrayOf, get, pageNumbers, streamData } from "./cos.js";
import type { Check } from "./types.js";

const PAINT = new Set(["Tj", "TJ", "'", '"', "Do", "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh", "BI"]);

/** The operators of a content stream, with the operand just before BDC (its properties' MCID, if inline). */
export function* operators(text: string): Generator<{ op: string; tag?: string; mcid: boolean }> {
  const re = /\((?:\\[\s\S]|[^\\)])*\)|<<[\s\S]*?>>|<[0-9A-Fa-f\s]*>|\[|\]|\/[^\s/<>()[\]{}%]+|%[^\r\n]*|[^\s/<>()[\]{}%]+/g;
  const operands: string[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const t = m[0];
    if (t.startsWith("%")) continue;
    if (/^[A-Za-z'"*]+$/.test(t) && !t.startsWith("/") && t !== "true" && t !== "false" && t !== "null") {
      if (t === "BI") {
        const end = text.indexOf("EI", re.lastIndex);
        re.lastIndex = end < 0 ? text.length : end + 2;
      }
      const tag = t === "BDC" || t === "BMC" ? operands.find((o) => o.startsWith("/")) : undefined;
      const mcid = t === "BDC" && /\/MCID\s+\d+/.test(operands.join(" "));
      yield { op: t, tag: tag?.slice(1), mcid };
      operands.length = 0;
    } else operands.push(t);
  }
}

export const contentChecks: Check[] = [
  {
    family: "marked-content",
    ids: [{ ua: "7.1-1" }, { ua: "7.1-2" }, { ua: "7.1-3" }],
    run(ctx) {
      if (!ctx.standards.includes("PDF/UA-1")) return;
      const { doc } = ctx;
      for (const [page, n] of pageNumbers(doc)) {
        const contents = get(doc, page, "Contents");
        const parts = arrayOf(doc, contents) ?? [contents];
        const text = parts.map((p) => Buffer.from(streamData(doc, p) ?? new Uint8Array()).toString("latin1")).join("\n");
        const stack: ("artifact" | "tagged" | "other")[] = [];
        const counts = { untagged: 0, artifactInTagged: 0, taggedInArtifact: 0 };
        for (const { op, tag, mcid } of operators(text)) {
          if (op === "BDC" || op === "BMC") {
            const kind = tag === "Artifact" ? "artifact" : mcid ? "tagged" : "other";
            if (kind === "artifact" && stack.includes("tagged")) counts.artifactInTagged++;
            if (kind === "tagged" && stack.includes("artifact")) counts.taggedInArtifact++;
            stack.push(kind);
          } else if (op === "EMC") stack.pop();
          else if (PAINT.has(op) && !stack.includes("artifact") && !stack.includes("tagged")) counts.untagged++;
        }
        if (counts.untagged) ctx.fail({ ua: "7.1-3" }, { page: n }, `${counts.untagged} painting operators neither tagged nor artifacts`);
        if (counts.artifactInTagged) ctx.fail({ ua: "7.1-1" }, { page: n }, `${counts.artifactInTagged} artifacts inside tagged content`);
        if (counts.taggedInArtifact) ctx.fail({ ua: "7.1-2" }, { page: n }, `${counts.taggedInArtifact} tagged content inside artifacts`);
      }
    },
  },
];
