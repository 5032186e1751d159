"""`invoke audit`'s report (tools/audit.py), from Lighthouse results shaped as Lighthouse writes them."""
from tools.audit import CATEGORIES, summary


def result(scores: dict[str, float], failing: dict[str, tuple[str, float, str]]) -> dict:
    """A Lighthouse result with these category scores; ``failing`` maps audit ids to (title, score, value)."""
    audits = {ident: {"title": title, "score": score, "displayValue": value}
              for ident, (title, score, value) in failing.items()}
    return {"lighthouseVersion": "13.5.0", "environment": {"benchmarkIndex": 1523.4}, "audits": audits,
            "categories": {c: {"score": scores.get(c, 1.0),
                               "auditRefs": [{"id": ident, "weight": 30} for ident in failing] if c == "performance"
                               else []} for c in CATEGORIES}}


def test_the_summary_has_four_scores_per_page_and_what_cost_points():
    text = summary({"home": ("index.html", result({}, {})),
                    "map": ("map.html", result({"performance": 0.9},
                                               {"total-blocking-time": ("Total Blocking Time", 0.5, "400 ms")}))})
    assert "| home (`index.html`) | 1.00 | 1.00 | 1.00 | 1.00 | 1523 |" in text
    assert "| map (`map.html`) | 0.90 | 1.00 | 1.00 | 1.00 | 1523 |" in text
    assert "- map, Performance 0.90 (target 0.95): Total Blocking Time (400 ms), score 0.50" in text
    assert "home," not in text.split("Below target:")[1]
