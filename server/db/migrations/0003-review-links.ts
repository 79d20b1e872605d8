import type { Migration } from './migration'

export const reviewLinks: Migration = {
  id: '0003-review-links',
  statements: [
    `CREATE TABLE "review_links" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
      "campaign_id" text NOT NULL,
      "token_hash" text NOT NULL,
      "allow_feedback" boolean NOT NULL,
      "created_at" timestamp with time zone DEFAULT now() NOT NULL,
      "expires_at" timestamp with time zone NOT NULL,
      "last_used_at" timestamp with time zone,
      "revoked_at" timestamp with time zone
    )`,
    `ALTER TABLE "review_links" ADD CONSTRAINT "review_links_campaign_id_campaigns_id_fk"
      FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action`,
    `CREATE UNIQUE INDEX "review_links_token_hash_key" ON "review_links" USING btree ("token_hash")`,
    `CREATE INDEX "review_links_campaign_id_idx" ON "review_links" USING btree ("campaign_id")`,
    `CREATE TABLE "review_feedback" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
      "campaign_id" text NOT NULL,
      "link_id" uuid NOT NULL,
      "reviewer_name" text NOT NULL,
      "decision" text NOT NULL,
      "comment" text NOT NULL,
      "created_at" timestamp with time zone DEFAULT now() NOT NULL
    )`,
    `ALTER TABLE "review_feedback" ADD CONSTRAINT "review_feedback_campaign_id_campaigns_id_fk"
      FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action`,
    `ALTER TABLE "review_feedback" ADD CONSTRAINT "review_feedback_link_id_review_links_id_fk"
      FOREIGN KEY ("link_id") REFERENCES "public"."review_links"("id") ON DELETE cascade ON UPDATE no action`,
    `CREATE INDEX "review_feedback_campaign_created_idx" ON "review_feedback" USING btree ("campaign_id","created_at")`,
  ],
}
