"""One function per user action: keyword-only arguments, run in the caller's transaction, audited."""
