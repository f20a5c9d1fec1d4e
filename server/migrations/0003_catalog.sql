CREATE TABLE "catalog_products" (
	"key" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name_de" text NOT NULL,
	"name_en" text NOT NULL,
	"description_de" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"one_off_cents" integer DEFAULT 0 NOT NULL,
	"monthly_cents" integer NOT NULL,
	"tiers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"minimum_term_days" integer DEFAULT 30 NOT NULL,
	"requires" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "catalog_products_kind_check" CHECK ("catalog_products"."kind" in ('workplace','trunk_workplace','sip_trunk','parallel_calls','partner_product','add_on','company_add_on','mobile','conference_package','device_profile')),
	CONSTRAINT "catalog_products_key_check" CHECK ("catalog_products"."key" ~ '^[a-z][a-z0-9_]{1,59}$'),
	CONSTRAINT "catalog_products_cents_check" CHECK ("catalog_products"."one_off_cents" >= 0 and "catalog_products"."monthly_cents" >= 0),
	CONSTRAINT "catalog_products_term_check" CHECK ("catalog_products"."minimum_term_days" >= 0)
);
--> statement-breakpoint
CREATE TABLE "device_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"category" text NOT NULL,
	"manufacturer" text,
	"series" text,
	"name" text NOT NULL,
	"provisioning" text NOT NULL,
	"extended" boolean DEFAULT false NOT NULL,
	"requires_any_of" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "device_models_provisioning_check" CHECK ("device_models"."provisioning" in ('desk_phone','softclient','generic'))
);
--> statement-breakpoint
CREATE TABLE "mobile_tariffs" (
	"key" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"segment" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mobile_tariffs_segment_check" CHECK ("mobile_tariffs"."segment" in ('business','consumer'))
);
--> statement-breakpoint
CREATE INDEX "catalog_products_kind_idx" ON "catalog_products" USING btree ("kind","sort_order");--> statement-breakpoint
CREATE UNIQUE INDEX "device_models_key_idx" ON "device_models" USING btree ("key");--> statement-breakpoint
CREATE UNIQUE INDEX "device_models_path_name_idx" ON "device_models" USING btree (lower("category"),lower(coalesce("manufacturer", '')),lower(coalesce("series", '')),lower("name"));--> statement-breakpoint
CREATE INDEX "device_models_order_idx" ON "device_models" USING btree ("sort_order");--> statement-breakpoint
CREATE UNIQUE INDEX "mobile_tariffs_name_idx" ON "mobile_tariffs" USING btree (lower("name"));