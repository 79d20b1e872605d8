import { artifactKind, type ArtifactEditField, type ArtifactEditInput, type CampaignArtifact } from '#shared/campaign'

export type { ArtifactEditField }

/** Every text field a person may edit, in reading order, labelled so each can be found by its name. */
export function editFieldsOf(artifact: CampaignArtifact): ArtifactEditField[] {
  return artifactKind(artifact.type).editFields(artifact.metadata)
}

/** The edit request for `artifact` with the form's values (by path); fields not in `values` keep their text. */
export function editRequestOf(artifact: CampaignArtifact, values: Readonly<Record<string, string>>): ArtifactEditInput {
  const text = (path: string, current: string) => values[path] ?? current
  const edited = artifactKind(artifact.type).editedText(artifact.metadata, text)
  return { type: artifact.type, basedOn: artifact.metadata.iteration, ...edited } as ArtifactEditInput
}
