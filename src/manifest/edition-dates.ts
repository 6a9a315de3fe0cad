// Dates that cannot belong to the edition: its publication date must fall in
// its own month (the id), since the cover and the PDF's creation date print
// it (an April edition dated 1970-01-01 printed "January 1970"), and no stage
// can have been reached after the edition's month (`since: "9999-12-31"`).
// Like references.ts, this also runs on data the schema refused: nothing here
// assumes a shape.
type Path = (string | number)[];
type Loose = Record<string, unknown>;

const isObject = (v: unknown): v is Loose => v !== null && typeof v === "object" && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The last day of the month `id` (YYYY-MM), as YYYY-MM-DD. */
function monthEnd(id: string): string {
  const [y, m] = id.split("-").map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${id}-${String(last).padStart(2, "0")}`;
}

export function checkEditionDates(edition: { edition?: unknown; sections?: unknown }): { path: Path; message: string }[] {
  const problems: { path: Path; message: string }[] = [];
  const meta = isObject(edition.edition) ? edition.edition : {};
  const id = typeof meta.id === "string" && /^\d{4}-(0[1-9]|1[0-2])$/.test(meta.id) ? meta.id : undefined;
  if (!id) return problems;
  const date = typeof meta.date === "string" && DAY.test(meta.date) ? meta.date : undefined;
  if (date && date.slice(0, 7) !== id)
    problems.push({
      path: ["edition", "date"],
      message: `expected a date in the edition's month (${id}-01 to ${monthEnd(id)}), got "${date}": the cover and the PDF print it`,
    });
  const end = monthEnd(id);
  list(edition.sections).forEach((section, i) => {
    if (!isObject(section) || section.type !== "providers") return;
    list(section.models).forEach((model, j) => {
      if (!isObject(model)) return;
      for (const name of ["in_progress", "qualified"]) {
        list(model[name]).forEach((row, k) => {
          if (!isObject(row) || typeof row.since !== "string" || !DAY.test(row.since) || row.since <= end) return;
          problems.push({
            path: ["sections", i, "models", j, name, k, "since"],
            message: `expected a date no later than the edition's month (${end}), got "${row.since}": a stage cannot be reached after the edition that reports it`,
          });
        });
      }
    });
  });
  return problems;
}
