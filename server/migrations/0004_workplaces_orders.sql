CREATE TABLE "company_products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"product_key" text NOT NULL,
	"status" text NOT NULL,
	"active_from" date,
	"minimum_term_end" date,
	"ends_on" date,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "company_products_status_check" CHECK ("company_products"."status" in ('ordered','active','cancel_ordered','ended'))
);
--> statement-breakpoint
CREATE TABLE "workplace_addons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workplace_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"product_key" text NOT NULL,
	"status" text NOT NULL,
	"active_from" date,
	"minimum_term_end" date,
	"ends_on" date,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "workplace_addons_status_check" CHECK ("workplace_addons"."status" in ('ordered','active','cancel_ordered','ended'))
);
--> statement-breakpoint
CREATE TABLE "workplace_devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workplace_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"device_model_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"mac_address" text,
	"sip_username" text,
	"sip_ha1" text,
	"sip_secret" text,
	"credentials_issued_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workplace_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"completed" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"template_id" uuid,
	"workplace_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workplace_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"name" text NOT NULL,
	"group_id" uuid NOT NULL,
	"area_id" uuid,
	"blocking_profile_id" uuid,
	"desktop_client_model_id" uuid,
	"addons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workplaces" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"status" text NOT NULL,
	"group_id" uuid NOT NULL,
	"area_id" uuid,
	"language" text DEFAULT 'de' NOT NULL,
	"time_zone" text NOT NULL,
	"salutation" text,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text,
	"street" text,
	"postal_code" text,
	"city" text,
	"department" text,
	"username" text NOT NULL,
	"auth_email" text NOT NULL,
	"auth_mobile" text,
	"password_delivery" text NOT NULL,
	"main_number" text NOT NULL,
	"internal_number" text NOT NULL,
	"additional_numbers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"nomadic" text DEFAULT 'allowed' NOT NULL,
	"blocking_profile_id" uuid,
	"mobile_mode" text DEFAULT 'none' NOT NULL,
	"mobile_number" text,
	"mobile_tariff" text,
	"mobile_customer_account" text,
	"directory_mobile" text,
	"template_id" uuid,
	"user_id" uuid,
	"activated_at" timestamp with time zone,
	"minimum_term_end" date,
	"deactivated_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "workplaces_status_check" CHECK ("workplaces"."status" in ('in_cart','ordered','active','deactivated','deleted')),
	CONSTRAINT "workplaces_delivery_check" CHECK ("workplaces"."password_delivery" in ('sms','email')),
	CONSTRAINT "workplaces_nomadic_check" CHECK ("workplaces"."nomadic" in ('allowed','restricted')),
	CONSTRAINT "workplaces_mobile_check" CHECK ("workplaces"."mobile_mode" in ('none','integration','client'))
);
--> statement-breakpoint
CREATE TABLE "cart_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"type" text NOT NULL,
	"subject_id" uuid,
	"description_de" text NOT NULL,
	"description_en" text NOT NULL,
	"activation_date" date,
	"earliest_date" date,
	"price_lines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"one_off_cents" integer DEFAULT 0 NOT NULL,
	"monthly_cents" integer DEFAULT 0 NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "charges" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"day" date NOT NULL,
	"product_key" text NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"quantity" integer NOT NULL,
	"unit_monthly_cents" integer NOT NULL,
	"amount_cents" integer NOT NULL,
	"one_off_cents" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "charges_quantity_check" CHECK ("charges"."quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "order_item_steps" (
	"item_id" uuid NOT NULL,
	"step_id" text NOT NULL,
	"status" text NOT NULL,
	"output" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"done_at" timestamp with time zone NOT NULL,
	"compensated_at" timestamp with time zone,
	CONSTRAINT "order_item_steps_item_id_step_id_pk" PRIMARY KEY("item_id","step_id"),
	CONSTRAINT "order_item_steps_status_check" CHECK ("order_item_steps"."status" in ('done','compensated'))
);
--> statement-breakpoint
CREATE TABLE "order_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"type" text NOT NULL,
	"subject_id" uuid,
	"description_de" text NOT NULL,
	"description_en" text NOT NULL,
	"activation_date" date,
	"due_at" timestamp with time zone NOT NULL,
	"price_lines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"one_off_cents" integer NOT NULL,
	"monthly_cents" integer NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text NOT NULL,
	"failure_reason" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "order_items_status_check" CHECK ("order_items"."status" in ('ordered','scheduled','running','done','failed','cancelled'))
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"company_id" uuid NOT NULL,
	"placed_by" uuid,
	"placed_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"one_off_cents" integer NOT NULL,
	"monthly_cents" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "orders_status_check" CHECK ("orders"."status" in ('ordered','scheduled','running','done','failed','cancelled'))
);
--> statement-breakpoint
ALTER TABLE "company_products" ADD CONSTRAINT "company_products_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplace_addons" ADD CONSTRAINT "workplace_addons_workplace_id_workplaces_id_fk" FOREIGN KEY ("workplace_id") REFERENCES "public"."workplaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplace_addons" ADD CONSTRAINT "workplace_addons_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplace_devices" ADD CONSTRAINT "workplace_devices_workplace_id_workplaces_id_fk" FOREIGN KEY ("workplace_id") REFERENCES "public"."workplaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplace_devices" ADD CONSTRAINT "workplace_devices_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplace_devices" ADD CONSTRAINT "workplace_devices_device_model_id_device_models_id_fk" FOREIGN KEY ("device_model_id") REFERENCES "public"."device_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplace_drafts" ADD CONSTRAINT "workplace_drafts_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplace_drafts" ADD CONSTRAINT "workplace_drafts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplace_templates" ADD CONSTRAINT "workplace_templates_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplace_templates" ADD CONSTRAINT "workplace_templates_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplace_templates" ADD CONSTRAINT "workplace_templates_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplace_templates" ADD CONSTRAINT "workplace_templates_desktop_client_model_id_device_models_id_fk" FOREIGN KEY ("desktop_client_model_id") REFERENCES "public"."device_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplaces" ADD CONSTRAINT "workplaces_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplaces" ADD CONSTRAINT "workplaces_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplaces" ADD CONSTRAINT "workplaces_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplaces" ADD CONSTRAINT "workplaces_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplaces" ADD CONSTRAINT "workplaces_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_items" ADD CONSTRAINT "cart_items_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_items" ADD CONSTRAINT "cart_items_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_items" ADD CONSTRAINT "cart_items_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charges" ADD CONSTRAINT "charges_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_item_steps" ADD CONSTRAINT "order_item_steps_item_id_order_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."order_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_placed_by_users_id_fk" FOREIGN KEY ("placed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "company_products_live_idx" ON "company_products" USING btree ("company_id","product_key") WHERE "company_products"."status" <> 'ended';--> statement-breakpoint
CREATE UNIQUE INDEX "workplace_addons_live_idx" ON "workplace_addons" USING btree ("workplace_id","product_key") WHERE "workplace_addons"."status" <> 'ended';--> statement-breakpoint
CREATE INDEX "workplace_addons_company_idx" ON "workplace_addons" USING btree ("company_id","product_key","status");--> statement-breakpoint
CREATE INDEX "workplace_devices_workplace_idx" ON "workplace_devices" USING btree ("workplace_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "workplace_devices_sip_username_idx" ON "workplace_devices" USING btree ("sip_username");--> statement-breakpoint
CREATE UNIQUE INDEX "workplace_devices_mac_idx" ON "workplace_devices" USING btree (lower("mac_address"));--> statement-breakpoint
CREATE INDEX "workplace_drafts_company_idx" ON "workplace_drafts" USING btree ("company_id","created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "workplace_templates_name_idx" ON "workplace_templates" USING btree ("company_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "workplaces_username_idx" ON "workplaces" USING btree (lower("username")) WHERE "workplaces"."status" <> 'deleted';--> statement-breakpoint
CREATE UNIQUE INDEX "workplaces_internal_number_idx" ON "workplaces" USING btree ("company_id","internal_number") WHERE "workplaces"."status" <> 'deleted';--> statement-breakpoint
CREATE INDEX "workplaces_company_status_idx" ON "workplaces" USING btree ("company_id","status");--> statement-breakpoint
CREATE INDEX "workplaces_group_idx" ON "workplaces" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "workplaces_area_idx" ON "workplaces" USING btree ("area_id");--> statement-breakpoint
CREATE INDEX "cart_items_session_idx" ON "cart_items" USING btree ("session_id","created_at");--> statement-breakpoint
CREATE INDEX "cart_items_company_idx" ON "cart_items" USING btree ("company_id");--> statement-breakpoint
CREATE UNIQUE INDEX "charges_key_idx" ON "charges" USING btree ("company_id","day","product_key","subject");--> statement-breakpoint
CREATE INDEX "order_items_order_idx" ON "order_items" USING btree ("order_id","position");--> statement-breakpoint
CREATE INDEX "order_items_company_status_idx" ON "order_items" USING btree ("company_id","status");--> statement-breakpoint
CREATE INDEX "order_items_subject_idx" ON "order_items" USING btree ("subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_number_idx" ON "orders" USING btree ("number");--> statement-breakpoint
CREATE INDEX "orders_company_idx" ON "orders" USING btree ("company_id","placed_at");--> statement-breakpoint
CREATE INDEX "orders_status_idx" ON "orders" USING btree ("status","placed_at");