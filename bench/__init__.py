"""spurdesk's benchmark suite: each figure measured beside the floor it cannot beat (issue 8)."""
