/** The chain's head at a moment, kept outside the database so that a truncated or rewritten chain shows. */
export interface AuditAnchor {
  seq: number;
  hash: string;
  at: string;
}

/** Where anchors are kept (an append-only file: see createFileAnchorStore). */
export interface AuditAnchorStore {
  /** Appends one anchor durably; throws when it could not be written. */
  append(anchor: AuditAnchor): Promise<void>;
  /** Every anchor written, oldest first; none when nothing was anchored yet. */
  readAll(): Promise<AuditAnchor[]>;
}
