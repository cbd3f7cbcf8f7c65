CREATE TABLE `duty_events` (
	`id` text PRIMARY KEY NOT NULL,
	`officer_id` text NOT NULL,
	`on_duty` integer NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `duty_events_at` ON `duty_events` (`at`);--> statement-breakpoint
CREATE INDEX `duty_events_officer_at` ON `duty_events` (`officer_id`,`at`);