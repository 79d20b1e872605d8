/**
 * Errors that say the database cannot write at the moment rather than that the request was wrong:
 * PostgreSQL's disk_full, insufficient_resources, io_error and read_only_sql_transaction; the
 * operating system's full disk, exhausted quota, read-only file system and I/O error.
 */
const STORAGE_FAILURE_CODES = new Set(['53100', '53000', '58030', '25006', 'ENOSPC', 'EDQUOT', 'EROFS', 'EIO'])

/** True when `error`, or anything it wraps, is a storage failure: worth retrying later, not a bug. */
export function isStorageFailure(error: unknown): boolean {
  const seen = new Set<unknown>()
  for (let current = error; current instanceof Object && !seen.has(current); current = (current as { cause?: unknown }).cause) {
    seen.add(current)
    if (STORAGE_FAILURE_CODES.has(String((current as { code?: unknown }).code))) return true
  }
  return false
}
