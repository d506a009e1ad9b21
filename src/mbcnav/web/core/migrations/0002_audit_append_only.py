"""The audit log becomes append-only in the database (issue 16, item 12).

Triggers refuse UPDATE and DELETE on ``core_auditevent`` rows, on SQLite and PostgreSQL, with
two exceptions: setting ``actor_id`` to NULL and nothing else while the actor's account is being
deleted (it has a permit in ``core_auditerasure``; ``actor_label`` keeps their email), and deleting events whose subject has a permit in
``core_auditerasure`` (their account is being deleted) or when the ``ERASE_ALL`` (-1) permit is
present (``flush``). PostgreSQL's TRUNCATE, an owner-only operation, is not a row change and is
not covered.
"""

from django.db import migrations, models

MESSAGE = "audit events are append-only"

SAME_BUT_ACTOR_CLEARED_SQLITE = (
    "NEW.actor_id IS NULL AND OLD.actor_id IS NOT NULL AND NEW.id = OLD.id AND NEW.at IS OLD.at"
    " AND NEW.actor_label IS OLD.actor_label AND NEW.subject_id IS OLD.subject_id"
    " AND NEW.action IS OLD.action AND NEW.target IS OLD.target"
    " AND EXISTS (SELECT 1 FROM core_auditerasure WHERE subject_id = OLD.actor_id)"
)
PERMITTED_SQLITE = (
    "EXISTS (SELECT 1 FROM core_auditerasure WHERE subject_id = OLD.subject_id OR subject_id = -1)"
)

SQLITE = [
    f"""CREATE TRIGGER core_auditevent_no_update BEFORE UPDATE ON core_auditevent
    WHEN NOT ({SAME_BUT_ACTOR_CLEARED_SQLITE})
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
    f"""CREATE TRIGGER core_auditevent_no_delete BEFORE DELETE ON core_auditevent
    WHEN NOT {PERMITTED_SQLITE}
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
]
SQLITE_UNDO = [
    "DROP TRIGGER IF EXISTS core_auditevent_no_update;",
    "DROP TRIGGER IF EXISTS core_auditevent_no_delete;",
]

POSTGRES = [
    f"""CREATE OR REPLACE FUNCTION core_auditevent_append_only() RETURNS trigger AS $$
    BEGIN
      IF TG_OP = 'UPDATE' THEN
        IF NEW.actor_id IS NULL AND OLD.actor_id IS NOT NULL AND NEW.id = OLD.id
           AND NEW.at = OLD.at AND NEW.actor_label = OLD.actor_label
           AND NEW.subject_id IS NOT DISTINCT FROM OLD.subject_id
           AND NEW.action = OLD.action AND NEW.target = OLD.target
           AND EXISTS (SELECT 1 FROM core_auditerasure WHERE subject_id = OLD.actor_id) THEN
          RETURN NEW;
        END IF;
      ELSIF EXISTS (SELECT 1 FROM core_auditerasure
                    WHERE subject_id = OLD.subject_id OR subject_id = -1) THEN
        RETURN OLD;
      END IF;
      RAISE EXCEPTION '{MESSAGE}';
    END $$ LANGUAGE plpgsql;""",
    """CREATE TRIGGER core_auditevent_append_only BEFORE UPDATE OR DELETE ON core_auditevent
    FOR EACH ROW EXECUTE FUNCTION core_auditevent_append_only();""",
]
POSTGRES_UNDO = [
    "DROP TRIGGER IF EXISTS core_auditevent_append_only ON core_auditevent;",
    "DROP FUNCTION IF EXISTS core_auditevent_append_only();",
]


def _run(statements):
    def run(apps, schema_editor):
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="AuditErasure",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("subject_id", models.BigIntegerField()),
            ],
        ),
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_UNDO, "postgresql": POSTGRES_UNDO}),
        ),
    ]
