/** A data folder the server cannot use; its message is the one line shown to whoever starts the server. */
export class DataDirError extends Error {
  override name = 'DataDirError'
}
