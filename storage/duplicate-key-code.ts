/**
 * The server error code of a write refused by a unique index (`E11000 duplicate key error`), MongoDB and FerretDB
 * alike.
 */
export const DUPLICATE_KEY_CODE = 11000;
