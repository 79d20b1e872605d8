import type { CopyMetadata } from '#shared/campaign'
import { section, sections } from '../../content/render'
import type { Written } from '../kind'

export function renderCopy(metadata: Written<CopyMetadata>): string {
  return sections([
    section('Headlines', metadata.headlines.map((headline, index) => `${index + 1}. ${headline}`)),
    section('Body (short)', [metadata.body.short]),
    section('Body (medium)', [metadata.body.medium]),
    section('Body (long)', [metadata.body.long]),
    section('Calls to action', metadata.callsToAction.map(action => `- ${action}`)),
    section('Tone note', [metadata.toneNote]),
  ])
}
