// How a value the editor typed is quoted after "got". One wording for the whole
// checker, so messages read the same whichever schema or check produced them.

const MAX = 60;

/** `"J5"`, `42`, `true`, `a list`, `a mapping`, `an empty value`. */
export function showValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value";
  if (typeof value === "string") {
    if (value.trim() === "") return value === "" ? "an empty text" : "only spaces";
    const oneLine = value.replace(/\s*\n\s*/g, " ");
    return JSON.stringify(oneLine.length > MAX ? `${oneLine.slice(0, MAX)}…` : oneLine);
  }
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : "a list";
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  if (typeof value === "object") return "a mapping";
  if (typeof value === "number") return `the number ${value}`;
  return String(value);
}

/** "J0, J1, J2 or J3" */
export function orList(values: readonly unknown[]): string {
  const shown = values.map((v) => String(v));
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} or ${shown[shown.length - 1]}`;
}

/** The number of items in a list, in words: "1 item", "3 items". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
