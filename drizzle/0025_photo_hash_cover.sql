DROP INDEX "photo_hashes_band0_idx";--> statement-breakpoint
DROP INDEX "photo_hashes_band1_idx";--> statement-breakpoint
DROP INDEX "photo_hashes_band2_idx";--> statement-breakpoint
DROP INDEX "photo_hashes_band3_idx";--> statement-breakpoint
CREATE INDEX "photo_hashes_band0_cover_idx" ON "photo_hashes" USING btree ("band0","hash","attachment_id");--> statement-breakpoint
CREATE INDEX "photo_hashes_band1_cover_idx" ON "photo_hashes" USING btree ("band1","hash","attachment_id");--> statement-breakpoint
CREATE INDEX "photo_hashes_band2_cover_idx" ON "photo_hashes" USING btree ("band2","hash","attachment_id");--> statement-breakpoint
CREATE INDEX "photo_hashes_band3_cover_idx" ON "photo_hashes" USING btree ("band3","hash","attachment_id");