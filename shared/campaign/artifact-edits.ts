import { z } from '../schemas/zod'
import { ARTIFACT_KINDS, ARTIFACT_TYPES, type ArtifactType } from '../artifact-types'

export { ARTIFACT_LIMITS, CONTROL_CHARACTERS, postTextLimit } from '../artifact-types'

/** Edits and restores an artifact may receive once it has this many versions: past it, 409. */
export const MAX_ARTIFACT_VERSIONS = 200

const editSchemas = ARTIFACT_TYPES.map(type => ARTIFACT_KINDS[type].editSchema) as [EditSchema, ...EditSchema[]]
type EditSchema = (typeof ARTIFACT_KINDS)[ArtifactType]['editSchema']

/**
 * `POST /api/campaigns/{id}/artifacts/{artifact}/versions`: every text field of the artifact, as the
 * person wants it. Structure the text does not decide (the platforms, how many concepts, the palette,
 * the tone note) stays as in the version edited.
 */
export const artifactEditSchema = z.discriminatedUnion('type', editSchemas)
export type ArtifactEdit = z.output<typeof artifactEditSchema>
export type ArtifactEditInput = z.input<typeof artifactEditSchema>

/** `{n}` of `…/versions/{n}/restore`: the iteration to restore. */
export const versionNumberSchema = z.coerce.number('A version number').int('A whole number').min(1, 'At least 1').max(1_000_000, 'At most 1000000')

/** The most versions one page of an artifact's history holds. */
export const VERSIONS_PAGE_MAX = 50
/**
 * The most written text one page of versions carries (their content, in bytes; a page holds at
 * least one version whatever its size). A version at the edit limits is a few hundred kilobytes.
 */
export const VERSIONS_PAGE_TEXT_BYTES = 256 * 1024

/** `GET …/versions`: the newest versions, or those older than version `before`. */
export const versionsQuerySchema = z.object({
  before: versionNumberSchema.optional(),
  limit: z.coerce.number().int('A whole number').min(1, 'At least 1')
    .max(VERSIONS_PAGE_MAX, `At most ${VERSIONS_PAGE_MAX}`).default(20),
})
export type VersionsQuery = z.output<typeof versionsQuerySchema>
