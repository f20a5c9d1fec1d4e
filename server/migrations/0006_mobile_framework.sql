CREATE TABLE "company_mobile_framework" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"prefix" text NOT NULL,
	"tariff_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "company_mobile_framework_prefix_check" CHECK ("company_mobile_framework"."prefix" ~ '^1[5-7][0-9]{1,10}$')
);
--> statement-breakpoint
ALTER TABLE "company_mobile_framework" ADD CONSTRAINT "company_mobile_framework_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_mobile_framework" ADD CONSTRAINT "company_mobile_framework_tariff_key_mobile_tariffs_key_fk" FOREIGN KEY ("tariff_key") REFERENCES "public"."mobile_tariffs"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "company_mobile_framework_prefix_idx" ON "company_mobile_framework" USING btree ("company_id","prefix");