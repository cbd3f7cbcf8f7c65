-- The audit log is append-only: nobody, whatever their access to the database, edits or removes an entry.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN
	SELECT RAISE(ABORT, 'the audit log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN
	SELECT RAISE(ABORT, 'the audit log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `record_addenda_no_update` BEFORE UPDATE ON `record_addenda`
BEGIN
	SELECT RAISE(ABORT, 'record addenda are append-only');
END;
