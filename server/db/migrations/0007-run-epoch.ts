import type { Migration } from './migration'

export const runEpoch: Migration = {
  id: '0007-run-epoch',
  statements: [
    'ALTER TABLE "campaigns" ADD COLUMN "run_epoch" integer DEFAULT 0 NOT NULL',
  ],
}
