// Words the YAML reader's errors the way the rest of the checker does
// ("expected …, got …"), for the mistakes editors actually make.
import type { YAMLError } from "yaml";

const lineAt = (source: string, offset: number) => {
  const start = source.lastIndexOf("\n", offset - 1) + 1;
  const end = source.indexOf("\n", offset);
  return source.slice(start, end === -1 ? undefined : end);
};

const restOfLine = (source: string, offset: number) =>
  lineAt(source, offset)
    .slice(offset - source.lastIndexOf("\n", offset - 1) - 1)
    .trim();

/** The first character of the line holding `offset`, past its indentation. */
const firstNonSpace = (source: string, offset: number) => {
  const start = source.lastIndexOf("\n", offset - 1) + 1;
  return start + (/^ */.exec(source.slice(start))?.[0].length ?? 0);
};

/** First line that opens a quoted value and does not close it: where to look. */
export function unclosedQuote(source: string, quote: string): number | undefined {
  const closed = quote === '"' ? /^"(?:[^"\\]|\\.)*"/ : /^'(?:[^']|'')*'/;
  let offset = 0;
  for (const line of source.split("\n")) {
    const open = new RegExp(`(?:^|[:\\-\\[{,]\\s+|^\\s+)${quote}`).exec(line);
    if (open) {
      const at = open.index + open[0].length - 1;
      if (!closed.test(line.slice(at))) return offset + at;
    }
    offset += line.length + 1;
  }
  return undefined;
}

export interface SyntaxProblem {
  offset: number;
  message: string;
}

/** One problem for one YAML error; `others` are the errors at the same place. */
export function syntaxProblem(error: YAMLError, source: string, others: readonly YAMLError[]): SyntaxProblem {
  const offset = error.pos[0];
  const line = lineAt(source, offset);
  const message = error.message.split("\n")[0];
  const say = (text: string, at = offset) => ({ offset: at, message: text });
  switch (error.code) {
    case "DUPLICATE_KEY": {
      const key = /^\s*("[^"]*"|'[^']*'|[^:#\n]+?)\s*:/.exec(source.slice(offset))?.[1] ?? "this key";
      return say(`expected each key once in a mapping, got "${key.replace(/^["']|["']$/g, "")}" a second time`);
    }
    case "TAB_AS_INDENT":
      return say("expected spaces for indentation, got a tab");
    case "MULTIPLE_DOCS":
      return say('expected one document in the file, got a second one after "---"');
    case "BLOCK_AS_IMPLICIT_KEY":
      if (others.some((e) => e.code === "MULTILINE_IMPLICIT_KEY"))
        return say("expected the next line to start in the same column as this key, got it indented further");
      return say(
        `expected quotes around a text that contains ": ", like ${JSON.stringify(restOfLine(source, offset))}, got it without quotes`,
      );
    case "MULTILINE_IMPLICIT_KEY":
      return say(`expected "key: value" on this line, got ${JSON.stringify(line.trim())}`);
    case "MISSING_CHAR": {
      const quote = /Missing closing (["'])quote/.exec(message)?.[1];
      if (quote)
        return say(`expected a closing ${quote} for this quoted text, got the end of the file`, unclosedQuote(source, quote) ?? offset);
      if (/without - indicator/.test(message))
        return say(
          `expected this line to line up with the keys of the list item above (or to start a new item with "- "), got it indented by ${/^ */.exec(line)?.[0].length} spaces`,
          firstNonSpace(source, offset),
        );
      break;
    }
    case "BAD_INDENT": {
      const bracket = /Flow (sequence|map)/.exec(message)?.[1];
      if (bracket)
        return say(
          `expected "${bracket === "map" ? "}" : "]"}" to close the ${bracket === "map" ? "{ … }" : "[ … ]"} above, got the next line first`,
        );
      if (/same column/.test(message))
        return say(
          `expected the keys of a mapping to line up in one column, got a key indented by ${/^ */.exec(line)?.[0].length} spaces`,
          firstNonSpace(source, offset),
        );
      break;
    }
  }
  return say(`expected valid YAML, got a syntax error: ${message.replace(/ at line \d+, column \d+:?$/, "")}`);
}
