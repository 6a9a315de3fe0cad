// Page labels: what a viewer shows in its page box. The covers carry no
// printed number, so they get a name; the other pages get the number printed
// in their footer (Chromium's counter(page) counts the cover as page 1).
import { type PDFDocument, PDFHexString, PDFName, PDFNumber } from "pdf-lib";

export interface PageLabelOptions {
  pageCount: number;
  hasCover: boolean;
  hasBackCover: boolean;
  coverLabel: string;
  backCoverLabel: string;
}

export function addPageLabels(doc: PDFDocument, o: PageLabelOptions): string[] {
  const nums: unknown[] = [];
  const labels: string[] = [];
  const last = o.pageCount - 1;
  if (o.hasCover) nums.push(PDFNumber.of(0), doc.context.obj({ P: PDFHexString.fromText(o.coverLabel) }));
  const firstNumbered = o.hasCover ? 1 : 0;
  if (firstNumbered <= last - (o.hasBackCover ? 1 : 0))
    nums.push(PDFNumber.of(firstNumbered), doc.context.obj({ S: PDFName.of("D"), St: PDFNumber.of(firstNumbered + 1) }));
  if (o.hasBackCover && last > 0) nums.push(PDFNumber.of(last), doc.context.obj({ P: PDFHexString.fromText(o.backCoverLabel) }));
  for (let i = 0; i < o.pageCount; i++) {
    if (o.hasCover && i === 0) labels.push(o.coverLabel);
    else if (o.hasBackCover && i === last) labels.push(o.backCoverLabel);
    else labels.push(String(i + 1));
  }
  doc.catalog.set(PDFName.of("PageLabels"), doc.context.obj({ Nums: doc.context.obj(nums as never) }));
  return labels;
}
