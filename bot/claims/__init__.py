"""Claim verification: supported / refuted / not_enough_info from deterministic checks, no LLM needed."""
