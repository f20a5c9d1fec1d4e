DROP INDEX "workplace_devices_sip_username_idx";--> statement-breakpoint
DROP INDEX "workplace_devices_mac_idx";--> statement-breakpoint
DROP INDEX "workplaces_area_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "workplace_devices_sip_username_idx" ON "workplace_devices" USING btree ("sip_username") WHERE "workplace_devices"."sip_username" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "workplace_devices_mac_idx" ON "workplace_devices" USING btree (lower("mac_address")) WHERE "workplace_devices"."mac_address" is not null;--> statement-breakpoint
CREATE INDEX "workplaces_area_idx" ON "workplaces" USING btree ("area_id") WHERE "workplaces"."area_id" is not null;