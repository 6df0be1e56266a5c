"""Sentence-aware chunks with exact character offsets into the stored clean text."""

from __future__ import annotations

from langchain_text_splitters import RecursiveCharacterTextSplitter

from bot.models import Chunk

# Paragraphs first, then sentence ends (Indonesian and English punctuate alike), then words.
_SEPARATORS = ["\n\n", "\n", ". ", "? ", "! ", "; ", ", ", " ", ""]


def chunk_text(doc_id: str, text: str, size: int, overlap: int) -> list[Chunk]:
    splitter = RecursiveCharacterTextSplitter(
        chunk_size=size,
        chunk_overlap=overlap,
        separators=_SEPARATORS,
        keep_separator="end",
        add_start_index=True,
        strip_whitespace=True,
    )
    chunks: list[Chunk] = []
    for i, d in enumerate(splitter.create_documents([text])):
        start = int(d.metadata["start_index"])
        end = start + len(d.page_content)
        if start < 0 or text[start:end] != d.page_content:  # the splitter's offset search can miss on repeats
            start = text.find(d.page_content)
            end = start + len(d.page_content)
        if start < 0:
            raise ValueError("chunk offsets do not round-trip")
        chunks.append(
            Chunk(
                chunk_id=f"{doc_id}:{i:04d}",
                doc_id=doc_id,
                text=d.page_content,
                char_start=start,
                char_end=end,
                index=i,
            )
        )
    return chunks
