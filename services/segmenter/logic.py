"""Segmentation: article -> sentences and clitic-split tokens with offsets into the body. Pure."""

from __future__ import annotations

from shared.schemas import Article, SegmentedArticle


def segment(article: Article) -> SegmentedArticle:
    """Split ``article.body`` into sentences and tokens (builtin offline backend)."""
    raise NotImplementedError
