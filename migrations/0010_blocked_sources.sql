CREATE TABLE `blocked_sources` (
	`source_hash` text NOT NULL,
	`until` integer NOT NULL,
	`conversation_id` text NOT NULL,
	`officer_id` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `blocked_sources_hash_until` ON `blocked_sources` (`source_hash`,`until`);