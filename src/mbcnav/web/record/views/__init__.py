"""Record views, one module per concern: pages (overview, timeline, summary, roster), edit
(forms), files (import/export, own your data), sharing (invites, revoke, audit log)."""
