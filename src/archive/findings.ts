// What verification reports: one finding per thing that is not as archived.
export type FindingKind =
  | "interrupted"
  | "record-invalid"
  | "record-missing"
  | "seal-missing"
  | "seal-invalid"
  | "chain-broken"
  | "unsigned"
  | "signature-invalid"
  | "signers-missing"
  | "archive-missing"
  | "archive-not-plain"
  | "catalog-invalid"
  | "conformance"
  | "file-not-plain"
  | "file-missing"
  | "file-changed"
  | "file-unrecorded"
  | "manifest-edited"
  | "manifest-removed"
  | "manifest-added"
  | "rebuild-skipped"
  | "rebuild-differs";

export interface Finding {
  kind: FindingKind;
  /** The file the finding is about, absolute. */
  file: string;
  message: string;
}
