"""Admin for this part of toegang."""
