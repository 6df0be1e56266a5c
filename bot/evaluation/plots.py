"""The report's PNGs: pass rate by category (per language) and the latency histogram.

matplotlib runs on the Agg backend: the eval runs in CI and on servers with no display.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def category_chart(report: dict[str, Any], path: Path) -> Path:
    """Horizontal bars: share of items passing, per category, one bar per language."""
    items = report["items"]
    cats = sorted({i["category"] for i in items})
    langs = sorted({i["lang"] for i in items})
    fig, ax = plt.subplots(figsize=(8, 0.42 * len(cats) + 1.6))
    height = 0.8 / max(len(langs), 1)
    for j, lang in enumerate(langs):
        rates = []
        for c in cats:
            group = [i["passed"] for i in items if i["category"] == c and i["lang"] == lang]
            rates.append(sum(group) / len(group) if group else 0.0)
        ax.barh([k + j * height for k in range(len(cats))], rates, height=height, label=lang)
    ax.set_yticks([k + height * (len(langs) - 1) / 2 for k in range(len(cats))], cats)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of items passing")
    ax.set_title("Gold items passing, by category and language")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), title="lang")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def latency_histogram(report: dict[str, Any], path: Path) -> Path:
    lat = [i["latency_ms"] for i in report["items"] if i["got"] != "error"]
    fig, ax = plt.subplots(figsize=(7, 3.6))
    ax.hist(lat or [0.0], bins=min(30, max(5, len(lat) // 3)), color="#4c72b0")
    m = report["metrics"]
    for key, style in (("latency_p50_ms", "--"), ("latency_p95_ms", ":")):
        if m.get(key) is not None:
            ax.axvline(m[key], color="black", linestyle=style, label=f"{key.split('_')[1]} {m[key]:.0f} ms")
    ax.set_xlabel("latency per item (ms)")
    ax.set_ylabel("items")
    ax.set_title("Answer latency")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def write_plots(report: dict[str, Any], out_dir: Path) -> list[Path]:
    return [
        category_chart(report, out_dir / "metrics_by_category.png"),
        latency_histogram(report, out_dir / "latency.png"),
    ]
