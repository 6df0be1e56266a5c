"""Language utilities shared by retrieval, answering and claim checking (Indonesian + English)."""
