import type { Migration } from './migration'

export const reviewDecisions: Migration = {
  id: '0008-review-decisions',
  statements: [
    `CREATE TABLE "review_decisions" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
      "campaign_id" text NOT NULL,
      "link_id" uuid NOT NULL,
      "reviewer_name" text NOT NULL,
      "decision" text NOT NULL,
      "comment" text NOT NULL,
      "quote" text NOT NULL,
      "artifact_type" text NOT NULL,
      "platform" text,
      "post_index" integer,
      "artifact_version" integer NOT NULL,
      "created_at" timestamp with time zone DEFAULT now() NOT NULL,
      "resolved_at" timestamp with time zone
    )`,
    `ALTER TABLE "review_decisions" ADD CONSTRAINT "review_decisions_campaign_id_campaigns_id_fk"
      FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action`,
    `ALTER TABLE "review_decisions" ADD CONSTRAINT "review_decisions_link_id_review_links_id_fk"
      FOREIGN KEY ("link_id") REFERENCES "public"."review_links"("id") ON DELETE cascade ON UPDATE no action`,
    `CREATE INDEX "review_decisions_campaign_created_idx" ON "review_decisions" USING btree ("campaign_id","created_at")`,
  ],
}
