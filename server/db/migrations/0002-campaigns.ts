import type { Migration } from './migration'

export const campaigns: Migration = {
  id: '0002-campaigns',
  statements: [
    `CREATE TABLE "campaigns" (
      "id" text PRIMARY KEY NOT NULL,
      "owner_id" uuid NOT NULL,
      "brief" jsonb NOT NULL,
      "status" text NOT NULL,
      "stage" text,
      "status_reason" text,
      "revision_number" integer DEFAULT 0 NOT NULL,
      "run_id" text,
      "run_request" jsonb,
      "created_at" timestamp with time zone DEFAULT now() NOT NULL,
      "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
      "completed_at" timestamp with time zone
    )`,
    `ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_owner_id_users_id_fk"
      FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action`,
    `CREATE INDEX "campaigns_owner_created_idx" ON "campaigns" USING btree ("owner_id","created_at")`,
    `CREATE TABLE "artifact_versions" (
      "id" text PRIMARY KEY NOT NULL,
      "campaign_id" text NOT NULL,
      "type" text NOT NULL,
      "iteration" integer NOT NULL,
      "content" text NOT NULL,
      "metadata" jsonb NOT NULL,
      "agent_name" text NOT NULL,
      "feedback" jsonb NOT NULL,
      "tags" jsonb NOT NULL,
      "status" text NOT NULL,
      "audit_id" text,
      "run_id" text,
      "created_at" timestamp with time zone DEFAULT now() NOT NULL
    )`,
    `ALTER TABLE "artifact_versions" ADD CONSTRAINT "artifact_versions_campaign_id_campaigns_id_fk"
      FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action`,
    `CREATE UNIQUE INDEX "artifact_versions_campaign_type_iteration_key" ON "artifact_versions" USING btree ("campaign_id","type","iteration")`,
    `CREATE TABLE "compliance_audits" (
      "id" text PRIMARY KEY NOT NULL,
      "campaign_id" text NOT NULL,
      "result" jsonb NOT NULL,
      "created_at" timestamp with time zone DEFAULT now() NOT NULL
    )`,
    `ALTER TABLE "compliance_audits" ADD CONSTRAINT "compliance_audits_campaign_id_campaigns_id_fk"
      FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action`,
    `CREATE INDEX "compliance_audits_campaign_created_idx" ON "compliance_audits" USING btree ("campaign_id","created_at")`,
  ],
}
