CREATE TABLE "number_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"block_id" uuid NOT NULL,
	"e164" text NOT NULL,
	"value" bigint NOT NULL,
	"digits" smallint NOT NULL,
	"state" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text NOT NULL,
	"target_label" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"released_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "number_blocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"group_id" uuid,
	"kind" text NOT NULL,
	"prefix" text NOT NULL,
	"area_code_length" smallint NOT NULL,
	"extension_length" smallint NOT NULL,
	"available_from" date,
	"source" text DEFAULT 'new' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "number_blocks_prefix_check" CHECK ("number_blocks"."prefix" ~ '^[1-9][0-9]{3,12}$'),
	CONSTRAINT "number_blocks_extension_check" CHECK (("number_blocks"."kind" = 'single' and "number_blocks"."extension_length" = 0) or ("number_blocks"."kind" = 'block' and "number_blocks"."extension_length" between 1 and 6))
);
--> statement-breakpoint
CREATE TABLE "number_decades" (
	"block_id" uuid NOT NULL,
	"digit" smallint NOT NULL,
	"extra" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "number_decades_block_id_digit_pk" PRIMARY KEY("block_id","digit"),
	CONSTRAINT "number_decades_digit_check" CHECK ("number_decades"."digit" between 0 and 9 and "number_decades"."extra" >= 0)
);
--> statement-breakpoint
CREATE TABLE "number_inventory_versions" (
	"company_id" uuid PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "number_assignments" ADD CONSTRAINT "number_assignments_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_assignments" ADD CONSTRAINT "number_assignments_block_id_number_blocks_id_fk" FOREIGN KEY ("block_id") REFERENCES "public"."number_blocks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_blocks" ADD CONSTRAINT "number_blocks_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_blocks" ADD CONSTRAINT "number_blocks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_decades" ADD CONSTRAINT "number_decades_block_id_number_blocks_id_fk" FOREIGN KEY ("block_id") REFERENCES "public"."number_blocks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_inventory_versions" ADD CONSTRAINT "number_inventory_versions_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "number_assignments_active_idx" ON "number_assignments" USING btree ("e164") WHERE "number_assignments"."released_at" is null;--> statement-breakpoint
CREATE INDEX "number_assignments_range_idx" ON "number_assignments" USING btree ("block_id","digits","value") WHERE "number_assignments"."released_at" is null;--> statement-breakpoint
CREATE INDEX "number_assignments_target_idx" ON "number_assignments" USING btree ("company_id","target_type","target_id");--> statement-breakpoint
CREATE INDEX "number_blocks_company_idx" ON "number_blocks" USING btree ("company_id","prefix");--> statement-breakpoint
CREATE INDEX "number_blocks_prefix_idx" ON "number_blocks" USING btree ("prefix");