// A web address printed as text breaks only where a typographer allows it
// (Chicago Manual of Style 6.76): after a slash or a double slash, before a
// dot, a hyphen, an underscore, a question mark, a number sign, "&" or "=".
// Never after a hyphen of the address, which a reader would take for a word
// hyphenated at the line end (and which pdftotext then joins away). Each
// piece between two allowed breaks is a span that does not wrap, with <wbr>
// between them; the text, in the page and in the PDF, is the address itself.

const ENTITY: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  "#x27": "'",
  "#39": "'",
  "#x60": "`",
  "#x3D": "=",
  "#x3d": "=",
};
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#x27|#39|#x60|#x3[Dd]);/g, (_m, e: string) => ENTITY[e]);
const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The pieces of an address between the breaks allowed in it. */
export function addressPieces(address: string): string[] {
  return address.split(/(?<=\/)(?!\/)|(?<!^|\/)(?=[.\-_?#&=])/).filter(Boolean);
}

/** The address as HTML that breaks only at its allowed points (input and output escaped). */
export function breakableAddress(escaped: string): string {
  const pieces = addressPieces(decode(escaped));
  if (pieces.length < 2) return escaped;
  // An address is in no language: the language check leaves it out, as it does names.
  return `<span translate="no">${pieces.map((p) => `<span class="url-piece">${escapeHtml(p)}</span>`).join("<wbr>")}</span>`;
}

// The elements whose whole text is an address: the sources' and the links
// page's, and any link whose text is its own address.
const ADDRESS_ELEMENT = /(<(p|a)\b([^>]*)>)([^<]+)(<\/\2>)/g;
const isAddressElement = (attrs: string, text: string) =>
  /\bclass="(?:source-url|url)"/.test(attrs) || (/^https?:\/\//.test(text) && attrs.includes(`href="${text}"`));

/** The page with every printed address made breakable at its allowed points only. */
export function breakAddresses(html: string): string {
  return html.replace(ADDRESS_ELEMENT, (whole, open: string, _tag: string, attrs: string, text: string, close: string) =>
    isAddressElement(attrs, text) ? open + breakableAddress(text) + close : whole,
  );
}
