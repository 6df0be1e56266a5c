"""Claim verdicts by deterministic rules: supported / refuted / not_enough_info."""
