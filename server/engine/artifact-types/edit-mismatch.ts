/** An edit that does not fit the version it edits (another type, other platforms, another number of concepts). */
export class ArtifactEditMismatchError extends Error {
  constructor(readonly field: string, message: string) {
    super(message)
  }
}
