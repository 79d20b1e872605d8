import { defineEngineKind } from '../kind'
import { copyAudit } from './audit'
import { copyModel } from './model'
import { writeCopy } from './offline-writer'
import { renderCopy } from './render'

/** The long copy. */
export const copyEngine = defineEngineKind<'Copy'>()({
  agentName: 'CopywriterAgent',
  render: renderCopy,
  writeOffline: writeCopy,
  model: copyModel,
  audit: copyAudit,
  // The tone note is the writer's note about the copy, not copy.
  readerText: copy => [...copy.headlines, copy.body.short, copy.body.medium, copy.body.long, ...copy.callsToAction].join('\n'),
  // The tone note is the writer's, not the text a person edits: it stays.
  applyEdit: (_brief, base, edit) => ({ headlines: edit.headlines, body: edit.body, callsToAction: edit.callsToAction, toneNote: base.toneNote ?? '' }),
})
