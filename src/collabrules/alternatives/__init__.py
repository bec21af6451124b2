"""Alternatives for one case: every collaboration model side by side, and alternative
relationship designs."""
