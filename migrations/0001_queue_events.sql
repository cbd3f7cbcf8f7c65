CREATE TABLE `queue_events` (
	`id` text PRIMARY KEY NOT NULL,
	`conversation_id` text NOT NULL,
	`kind` text NOT NULL,
	`at` integer NOT NULL,
	`officer_id` text,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `queue_events_at` ON `queue_events` (`at`);--> statement-breakpoint
CREATE INDEX `queue_events_conversation` ON `queue_events` (`conversation_id`,`at`);