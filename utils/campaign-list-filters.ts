import type { CampaignListQuery } from '#shared/campaign'

/** The list's filters, one per step of a campaign's life: a run under way and one awaiting review are apart. */
export const CAMPAIGN_LIST_FILTERS = [
  { value: '', label: 'All', query: {} },
  { value: 'Created', label: 'Draft', query: { status: 'Created' } },
  { value: 'Running', label: 'Running', query: { stage: 'Running' } },
  { value: 'AwaitingReview', label: 'Awaiting review', query: { stage: 'AwaitingReview' } },
  { value: 'Completed', label: 'Completed', query: { status: 'Completed' } },
  { value: 'Failed', label: 'Failed', query: { status: 'Failed' } },
  { value: 'Cancelled', label: 'Cancelled', query: { status: 'Cancelled' } },
] as const satisfies ReadonlyArray<{ value: string, label: string, query: Partial<Pick<CampaignListQuery, 'status' | 'stage'>> }>

/** The filter a query shows: its stage, else its status (`InProgress` alone, from an old link, shows as All). */
export function listFilterOf(query: Pick<CampaignListQuery, 'status' | 'stage'>): string {
  const value = query.stage ?? query.status ?? ''
  return CAMPAIGN_LIST_FILTERS.some(filter => filter.value === value) ? value : ''
}

/** The query a filter asks for, with the other one of status and stage cleared. */
export function listFilterQuery(value: string): Pick<CampaignListQuery, 'status' | 'stage'> {
  const filter = CAMPAIGN_LIST_FILTERS.find(candidate => candidate.value === value) ?? CAMPAIGN_LIST_FILTERS[0]
  return { status: undefined, stage: undefined, ...filter.query }
}
