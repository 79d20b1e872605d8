import { finishShortCopy } from '../../content/short-copy'
import { publishedPost } from '../../content/published-post'
import { ArtifactEditMismatchError } from '../edit-mismatch'
import { defineEngineKind } from '../kind'
import { shortCopyAudit } from './audit'
import { shortCopyModel } from './model'
import { writeShortCopy } from './offline-writer'
import { renderShortCopy } from './render'

/** The social posts. */
export const shortCopyEngine = defineEngineKind<'ShortCopy'>()({
  agentName: 'SocialCopyAgent',
  render: renderShortCopy,
  writeOffline: writeShortCopy,
  model: shortCopyModel,
  audit: shortCopyAudit,
  readerText: shortCopy => shortCopy.platforms.flatMap(entry => entry.variants.map(publishedPost)).join('\n'),
  applyEdit(brief, base, edit) {
    const stored = (base.platforms ?? []).map(entry => entry.platform)
    const sent = edit.platforms.map(entry => entry.platform)
    if (stored.join() !== sent.join()) {
      throw new ArtifactEditMismatchError('platforms', `Send the posts of ${stored.join(', ') || 'no platform'}, in that order: an edit changes the posts, not the platforms.`)
    }
    return { platforms: finishShortCopy(brief, edit.platforms) }
  },
})
