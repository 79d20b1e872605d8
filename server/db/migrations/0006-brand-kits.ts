import type { Migration } from './migration'

export const brandKits: Migration = {
  id: '0006-brand-kits',
  statements: [
    `CREATE TABLE "brand_kits" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
      "owner_id" uuid NOT NULL,
      "name" text NOT NULL,
      "fields" jsonb NOT NULL,
      "created_at" timestamp with time zone DEFAULT now() NOT NULL,
      "updated_at" timestamp with time zone DEFAULT now() NOT NULL
    )`,
    `ALTER TABLE "brand_kits" ADD CONSTRAINT "brand_kits_owner_id_users_id_fk"
      FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action`,
    `CREATE INDEX "brand_kits_owner_name_idx" ON "brand_kits" USING btree ("owner_id","name")`,
  ],
}
