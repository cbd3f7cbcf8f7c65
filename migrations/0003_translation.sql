CREATE TABLE `custom_quick_replies` (
	`id` text PRIMARY KEY NOT NULL,
	`category` text NOT NULL,
	`text` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `translation_cache` (
	`key` text PRIMARY KEY NOT NULL,
	`text` text NOT NULL,
	`model` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `translation_cache_created` ON `translation_cache` (`created_at`);--> statement-breakpoint
ALTER TABLE `messages` ADD `language` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `translation_status` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `translation_text` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `translation_to` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `translation_model` text;