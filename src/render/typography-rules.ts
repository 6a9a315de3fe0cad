// The rules Typograf lacks, written as Typograf rules so they run inside its
// machinery (tags, URLs and e-mail addresses hidden as placeholders before any
// rule runs). French spacing follows the Imprimerie nationale's lexique; each
// rule leaves text that already follows it untouched.

const NBSP = "\u00a0"; // espace insécable (justifying)
const NNBSP = "\u202f"; // espace fine insécable (fixed)
// Typograf hides tags as \uF000tf<n>\uF000: a tag between a word and its mark
// ("<em>vraiment</em> ?") must not keep the space from being fixed.
const SPACES = `[ ${NBSP}${NNBSP}\u2009]`;

// Units that take a no-break space after their number, as printed in the editions.
const UNITS = [
  "%",
  "‰",
  "€",
  "k€",
  "M€",
  "Md€",
  "Mds€",
  "\\$",
  "£",
  "Go",
  "To",
  "Mo",
  "Ko",
  "Po",
  "Gb/s",
  "Gbit/s",
  "Mbit/s",
  "km",
  "ms",
  "°C",
  "kWh",
  "MWh",
  "GWh",
  "kW",
  "MW",
  "GW",
  // Large numbers written out: "18 millions d’euros" never breaks after the 18.
  // Running text is hyphenated before it is typeset: soft hyphens may sit inside.
  ...["million", "milliard", "millier"].map((w) => `${[...w].join("\u00ad?")}s?`),
];
const UNIT_RE = new RegExp(`(\\d)${SPACES}?(${UNITS.join("|")})(?![\\p{L}\\d])`, "gu");

// "&" reaches the rules as U+E010 (typography.ts holds it so). Text that reads
// like an entity ("&lt;b&gt;" typed to show markup) keeps its ";" unspaced:
// it prints exactly as the editor typed it.
// An entity's name: a number, or a letter and at least one more in lower case or
// digits (lt, amp, Eacute, sup2), so "AT&T;" is a word and a semicolon.
// The same pattern is in readback/text-faults.ts.
const LOOK_ALIKE = /\uE010(#\d+|#x[\da-f]+|[A-Za-z][a-z\d]+);/gu;
function withEntityLookAlikes(text: string, rule: (t: string) => string): string {
  return rule(text.replace(LOOK_ALIKE, "\uE010$1\uE013")).replace(/\uE013/g, ";");
}

// Months as the editions print them, French (any case: "Octobre 2025" opens
// a line in the sources) and English (capitalised, so "the 3 may apply"
// stays free). A soft hyphen may sit inside a word of running text.
const soft = (w: string) => [...w].join("\u00ad?");
const anyCase = (w: string) => `[${w[0]}${w[0].toUpperCase()}]\u00ad?${soft(w.slice(1))}`;
const MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const MONTH = `(?:${[...MONTHS_FR.map(anyCase), ...MONTHS_EN.map(soft)].join("|")})`;
const DAY_MONTH = new RegExp(`(?<![\\p{L}\\d])(\\d{1,2}(?:er)?)${SPACES}+(${MONTH})(?!\\p{L})`, "gu");
const MONTH_YEAR = new RegExp(`(?<!\\p{L})(${MONTH})${SPACES}+(\\d{4})(?!\\d)`, "gu");
const MONTH_DAY = new RegExp(`(?<!\\p{L})(${MONTHS_EN.map(soft).join("|")})${SPACES}+(\\d{1,2})(,?)${SPACES}+(\\d{4})(?!\\d)`, "gu");

type Context = { prefs: { locale: string[] } };
type Rule = { name: string; handler: (text: string, settings?: unknown, context?: Context) => string; index?: string; queue?: string };

export const OWN_RULES: Rule[] = [
  {
    // « guillemets » with a no-break space inside (Typograf sets a narrow one, or none).
    name: "fr/nbsp/quotes",
    handler: (text) => text.replace(new RegExp(`«${SPACES}*`, "g"), `«${NBSP}`).replace(new RegExp(`${SPACES}*»`, "g"), `${NBSP}»`),
  },
  {
    // A narrow no-break space before ; ! ? and a no-break space before : (not
    // inside 14:30 or a ratio 1:2: only a colon followed by a space or the end).
    name: "fr/nbsp/punctuation",
    handler: (text) =>
      withEntityLookAlikes(text, (t) =>
        t
          .replace(new RegExp(`([^\\s${NBSP}${NNBSP}!?;«(\\[])${SPACES}?([!?;]+)`, "gu"), `$1${NNBSP}$2`)
          .replace(new RegExp(`([^\\s${NBSP}${NNBSP}:«(\\[])${SPACES}?:(?=\\s|$|\uF000|»)`, "gu"), `$1${NBSP}:`),
      ),
  },
  {
    // 24 %, 300 €, 10 Go: a no-break space between a number and its unit.
    name: "fr/nbsp/units",
    handler: (text) => text.replace(UNIT_RE, `$1${NBSP}$2`),
  },
  {
    // 14 400: thousands grouped with no-break spaces, from five digits (years
    // and four-digit numbers stay whole, as the lexique allows), and groups an
    // editor separated with a plain space made unbreakable.
    name: "fr/nbsp/thousands",
    handler: (text) =>
      text
        .replace(
          /(^|[^\d.,/\-\p{L}])(\d{5,})(?![\d.,/\-\p{L}])/gu,
          (_, before: string, n: string) => before + n.replace(/\B(?=(\d{3})+$)/g, NBSP),
        )
        .replace(/(^|[^\d.,])(\d{1,3})[ \u2009](\d{3})(?![\d.,])/gu, `$1$2${NBSP}$3`),
  },
  {
    // d'<strong>applications: Typograf's apostrophe rule wants a letter after
    // the apostrophe, and here a (hidden) tag comes first.
    name: "common/punctuation/apostropheBeforeTag",
    index: "+5",
    handler: (text) => text.replace(/(\p{L})'(?=(?:\uF000tf\d+\uF000)+\p{L})/gu, "$1’"),
  },
  {
    // 'quoted' -> ‘quoted’: Typograf turns " into “ ” but leaves single straight
    // quotes alone. Runs after its apostrophe rule (it's -> it’s is done by then).
    // A rule of the common locale, so that French text gets it too.
    name: "common/punctuation/singleQuotes",
    index: "+5",
    // In French the quotation inside « » takes “ ” (Imprimerie nationale), not ‘ ’.
    handler: (text, _settings, context) => {
      const [open, close] = context?.prefs.locale[0] === "fr" ? ["“", "”"] : ["‘", "’"];
      return text.replace(
        /(^|[\s([“«\u00a0\u202f\uF000—–])'([^'\s](?:[^']*?[^'\s])?)'(?=[\s.,;:!?)\]”»\u00a0\u202f\uF000—–]|$)/gu,
        `$1${open}$2${close}`,
      );
    },
  },
  {
    // The straight apostrophes Typograf leaves: after a word that ends with it
    // (the plural possessive "organizations' expectations", "Jones'") and
    // before the digits of an elided year ("the '90s"). Runs after the single
    // quotes, so a quotation's closing mark is already paired by then.
    name: "common/punctuation/apostropheAfterWord",
    index: "+10",
    handler: (text) =>
      text
        .replace(/(\p{L})'(?=[\s.,;:!?)\]”»\u00a0\u202f\uF000—–-]|$)/gu, "$1’")
        .replace(/(^|[\s([“«\u00a0\uF000—–])'(?=\d\d(?:s|\b))/gu, "$1’"),
  },
  {
    // 19 février 2026, 15 avril 2026, 3 May 2026, May 3, 2026, octobre 2025:
    // a date is read as one, so no line breaks inside it (no-break spaces
    // between day, month and year, in both languages).
    name: "common/nbsp/dates",
    handler: (text) =>
      text.replace(DAY_MONTH, `$1${NBSP}$2`).replace(MONTH_YEAR, `$1${NBSP}$2`).replace(MONTH_DAY, `$1${NBSP}$2$3${NBSP}$4`),
  },
  {
    // "le stockage …": an ellipsis that ends an enumeration or a sentence is set
    // close to its word (Imprimerie nationale; the same in English), a space
    // before it would let it open a line alone. "[…]", "(…)" and an ellipsis
    // that opens a quotation ("… Cloud Avenue") have no word before them and stay.
    // Also matches "...", in case this runs before Typograf's hellip rule.
    name: "common/punctuation/hellipSpace",
    // A hidden tag (\uF000) counts as the word it closes: "<strong>x</strong> …".
    handler: (text) => text.replace(new RegExp(`([\\p{L}\\p{N}»”)\uF000])${SPACES}+(?:…|\\.\\.\\.)(?!\\.)`, "gu"), "$1…"),
  },
  {
    // "support physique => chiffrement du disque": an arrow typed as "=>" is a
    // programmer's connector, not a typographer's, and the fonts' subsets have
    // no →; a colon says the same ("what follows is the answer"), with French spacing.
    name: "common/punctuation/connector",
    handler: (text, _settings, context) =>
      text.replace(
        // A space before it: "a=>b" may be a formula or code an editor typed as such.
        // ">" reaches the rules as U+E012 (typography.ts holds it so).
        new RegExp(`([^\\s${NBSP}${NNBSP}])${SPACES}+=(?:>|\uE012)${SPACES}*`, "gu"),
        context?.prefs.locale[0] === "fr" ? `$1${NBSP}: ` : "$1: ",
      ),
  },
  {
    // 2019-2024, pages 10-20: an en dash between the numbers of a range, but
    // not in ISO dates (2026-04-01), ids or anything with more than two parts.
    name: "en-US/dash/range",
    handler: (text) => text.replace(/(?<![\d\-–/.:\p{L}])(\d{1,4})-(\d{1,4})(?![\d\-–/:\p{L}]|\.\d)/gu, "$1–$2"),
  },
];

export function registerOwnRules(typograf: { addRule(rule: Rule): void }): void {
  for (const rule of OWN_RULES) typograf.addRule(rule);
}
