import type { Migration } from './migration'
import { accountsAndTokens } from './0001-accounts-and-tokens'
import { campaigns } from './0002-campaigns'
import { reviewLinks } from './0003-review-links'
import { sessions } from './0004-sessions'
import { briefChecks } from './0005-brief-checks'
import { brandKits } from './0006-brand-kits'
import { runEpoch } from './0007-run-epoch'
import { reviewDecisions } from './0008-review-decisions'

/** Every migration, oldest first. Append new ones; never edit a released one. */
export const migrations: readonly Migration[] = [
  accountsAndTokens,
  campaigns,
  reviewLinks,
  sessions,
  briefChecks,
  brandKits,
  runEpoch,
  reviewDecisions,
]
