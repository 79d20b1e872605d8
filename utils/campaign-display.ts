import { AGENT_TITLES, ARTIFACT_TITLES, type CampaignStage, type CampaignStatus, type ComplianceStatus, type Severity } from '#shared/campaign'

// Each artifact type's section title and writer, from its module in shared/artifact-types, for the pages.
export { AGENT_TITLES, ARTIFACT_TITLES }

const STATUS_LABELS: Record<CampaignStatus, string> = {
  Created: 'Draft', InProgress: 'In progress', Completed: 'Completed', Failed: 'Failed', Cancelled: 'Cancelled',
}

const STAGE_LABELS: Record<CampaignStage, string> = {
  Queued: 'Queued', Generating: 'Generating', Auditing: 'Auditing', Revising: 'Revising', AwaitingReview: 'Awaiting review',
}

/** "Generating", "Awaiting review", "Completed" …: the stage says more than InProgress while a run is on. */
export function statusLabel(status: CampaignStatus, stage: CampaignStage | null): string {
  return status === 'InProgress' && stage ? STAGE_LABELS[stage] : STATUS_LABELS[status]
}

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger'

export function statusTone(status: CampaignStatus, stage: CampaignStage | null): Tone {
  if (status === 'Completed') return 'success'
  if (status === 'Failed') return 'danger'
  if (status === 'InProgress') return stage === 'AwaitingReview' ? 'warning' : 'info'
  return 'neutral'
}

export function verdictTone(verdict: ComplianceStatus): Tone {
  return ({ Pass: 'success', Conditional: 'warning', Fail: 'danger', NotAudited: 'neutral' } as const)[verdict]
}

export function severityTone(severity: Severity): Tone {
  return ({ High: 'danger', Medium: 'warning', Low: 'info' } as const)[severity]
}

/** Badge colours for each tone, light and dark. */
export const TONE_CLASSES: Record<Tone, string> = {
  neutral: 'bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600',
  info: 'bg-sky-50 text-sky-800 ring-sky-300 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-800',
  success: 'bg-emerald-50 text-emerald-800 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-800',
  warning: 'bg-amber-50 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800',
  danger: 'bg-rose-50 text-rose-800 ring-rose-300 dark:bg-rose-950 dark:text-rose-200 dark:ring-rose-800',
}

// One fixed format and zone: the server's render and the browser's hydration print the same text.
const DATE_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? `${DATE_TIME.format(new Date(iso))} UTC` : '—'
}

/** A time in the viewer's own language and zone (the browser's), for pages once they are mounted. */
export function formatLocalDateTime(iso: string | null | undefined): string {
  return iso ? new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '—'
}
