import { z } from '../../schemas/zod'
import { markdownBlock, markdownInline, markdownList } from '../../utils/markdown-text'
import { ARTIFACT_LIMITS as L, basedOn, distinct, editedField, editedList } from '../edit-schema-parts'
import { defineArtifactKind, editField } from '../kind'
import { copyMetadataSchema, type CopyMetadata } from './metadata'

const BODY_LENGTHS = ['short', 'medium', 'long'] as const

/** The long copy: headlines, the body in three lengths, calls to action and the writer's tone note. */
export const copyKind = defineArtifactKind<CopyMetadata>()({
  title: 'Copy',
  agentTitle: 'Copywriter',
  metadataSchema: copyMetadataSchema,
  editSchema: z.object({
    type: z.literal('Copy'),
    basedOn,
    headlines: editedList(editedField(L.headline), L.headlines, 'headlines').refine(distinct, 'Headlines must differ from each other'),
    body: z.object({ short: editedField(L.body.short), medium: editedField(L.body.medium), long: editedField(L.body.long) }),
    callsToAction: editedList(editedField(L.callToAction), L.callsToAction, 'calls to action').refine(distinct, 'Calls to action must differ from each other'),
  }),
  textAt(copy, location) {
    const indexed = /^(headlines|callsToAction)\[(\d+)\]$/u.exec(location)
    if (indexed) return copy[indexed[1] as 'headlines' | 'callsToAction']?.[Number(indexed[2])]
    const body = /^body\.(short|medium|long)$/u.exec(location)?.[1] as keyof CopyMetadata['body'] | undefined
    return body ? copy.body?.[body] : undefined
  },
  editFields: copy => [
    ...copy.headlines.map((headline, index) => editField(`headlines.${index}`, `Headline ${index + 1}`, headline, L.headline)),
    ...BODY_LENGTHS.map(length => editField(`body.${length}`, `Body (${length})`, copy.body[length], L.body[length], true)),
    ...copy.callsToAction.map((action, index) => editField(`callsToAction.${index}`, `Call to action ${index + 1}`, action, L.callToAction)),
  ],
  editedText: (copy, text) => ({
    headlines: copy.headlines.map((headline, index) => text(`headlines.${index}`, headline)),
    body: { short: text('body.short', copy.body.short), medium: text('body.medium', copy.body.medium), long: text('body.long', copy.body.long) },
    callsToAction: copy.callsToAction.map((action, index) => text(`callsToAction.${index}`, action)),
  }),
  markdown: copy => [
    '### Headlines', markdownList(copy.headlines.map(markdownInline)),
    '### Body', ...BODY_LENGTHS.map(length => markdownBlock(copy.body[length])),
    '### Calls to action', markdownList(copy.callsToAction.map(markdownInline)),
  ],
})
