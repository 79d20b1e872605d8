import twitterText from 'twitter-text'

export interface PostSegment {
  kind: 'text' | 'hashtag' | 'mention' | 'link'
  text: string
}

/**
 * A post split into plain text and the parts feeds style (hashtags, @mentions, links), found by the
 * same library that counts X's characters. The parts are shown as styled text, never as live links.
 */
export function postSegments(text: string): PostSegment[] {
  const segments: PostSegment[] = []
  let position = 0
  for (const entity of twitterText.extractEntitiesWithIndices(text)) {
    const [start, end] = entity.indices
    if (start > position) segments.push({ kind: 'text', text: text.slice(position, start) })
    const kind = 'url' in entity ? 'link' : 'hashtag' in entity ? 'hashtag' : 'screenName' in entity ? 'mention' : 'text'
    segments.push({ kind, text: text.slice(start, end) })
    position = end
  }
  if (position < text.length) segments.push({ kind: 'text', text: text.slice(position) })
  return segments
}
