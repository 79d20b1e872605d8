import type { z } from '../schemas/zod'

/** One text field of an artifact as the edit form shows it; `path` is the field's name in the edit request and its errors. */
export interface ArtifactEditField {
  path: string
  label: string
  value: string
  multiline: boolean
  maxLength: number
}

export const editField = (path: string, label: string, value: string, maxLength: number, multiline = false): ArtifactEditField =>
  ({ path, label, value, maxLength, multiline })

/** An edit request's schema: `type` (the artifact type, as a literal), `basedOn`, and the type's text fields. */
export type ArtifactEditSchema = z.ZodObject<{ type: z.ZodLiteral<string>, basedOn: z.ZodType<number> } & z.ZodRawShape>

/** The text of an edit request: every field but `type` and `basedOn`. */
export type EditedText<E extends ArtifactEditSchema> = Omit<z.input<E>, 'type' | 'basedOn'>

/**
 * What the browser and the server both know of one artifact type. Each type has one module in
 * `shared/artifact-types/<type>/`, listed once in `ARTIFACT_KINDS` (./index.ts).
 */
export interface SharedArtifactKind<M, E extends ArtifactEditSchema> {
  /** The section's title on the campaign and review pages, in exports and in the audit report ("Short copy"). */
  title: string
  /** Who writes it, as the page names them while it is written ("Social writer"). */
  agentTitle: string
  /** The stored structure (`CampaignArtifact.metadata`), for the API reference and its tests. */
  metadataSchema: z.ZodType<M>
  /** `POST …/artifacts/{artifact}/versions` for this type. */
  editSchema: E
  /** The text at one of the audit's locations ("body.short", "linkedin variant 2"), as the audit read it; `undefined` when there is no such place. */
  textAt(metadata: Partial<M>, location: string): string | undefined
  /** Every text field a person may edit, in reading order, labelled so each can be found by its name. */
  editFields(metadata: M): ArtifactEditField[]
  /** The edit request's text for `metadata`, each field's text taken from `text(path, current)`. */
  editedText(metadata: M, text: (path: string, current: string) => string): EditedText<E>
  /** The structure as Markdown sections (after the title and byline), every written text made inert. */
  markdown(metadata: M): string[]
}

/** Fixes a kind's metadata type while letting its edit schema's type be inferred. */
export const defineArtifactKind = <M>() => <E extends ArtifactEditSchema>(kind: SharedArtifactKind<M, E>) => kind
