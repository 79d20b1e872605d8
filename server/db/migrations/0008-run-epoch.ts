import type { Migration } from './migration'

export const runEpoch: Migration = {
  id: '0008-run-epoch',
  statements: [
    'ALTER TABLE "campaigns" ADD COLUMN "run_epoch" integer DEFAULT 0 NOT NULL',
  ],
}
