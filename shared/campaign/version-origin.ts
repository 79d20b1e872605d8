// Its own module, apart from the edit schemas: every artifact on the campaign page shows it, and a
// page that imports it takes no schema with it.

/** Where a version came from when a person made it: "Edited by …", "Restored from version N by …"; null for a writer's. */
export function versionOrigin(metadata: { editedBy?: string, restoredFrom?: number }): string | null {
  if (metadata.restoredFrom !== undefined) return `Restored from version ${metadata.restoredFrom}${metadata.editedBy ? ` by ${metadata.editedBy}` : ''}`
  if (metadata.editedBy !== undefined) return `Edited by ${metadata.editedBy}`
  return null
}
