import type { Migration } from './migration'

export const briefChecks: Migration = {
  id: '0005-brief-checks',
  statements: [
    'ALTER TABLE "campaigns" ADD COLUMN "brief_checks" jsonb',
  ],
}
