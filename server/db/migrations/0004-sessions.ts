import type { Migration } from './migration'

export const sessions: Migration = {
  id: '0004-sessions',
  statements: [
    `CREATE TABLE "sessions" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
      "user_id" uuid NOT NULL,
      "created_at" timestamp with time zone DEFAULT now() NOT NULL,
      "last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
      "revoked_at" timestamp with time zone
    )`,
    `ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk"
      FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action`,
    `CREATE INDEX "sessions_user_id_idx" ON "sessions" USING btree ("user_id")`,
  ],
}
