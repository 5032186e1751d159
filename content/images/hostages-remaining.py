"""Draws hostages-remaining.png: the number of hostages still held, as each source counted it.

The counts and their sources are read from content/data/hostages-held.yaml (through the exhibit
model, which checks them), the series of the table "Hostages remaining" in the essay "How the news
told it", dated by publication. Redraw after changing that file:

    .venv/bin/python content/images/hostages-remaining.py
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "plugins"))

from exhibit.loader import load_exhibit  # noqa: E402
from images.design import ACCENT, INK, INK_SOFT, PAPER, RULE, Fonts, draw_lines, fit  # noqa: E402

# Where each count's label goes, in px (right, down), and a nudge of its point in px (right), by the count's
# first source key. The nudge only separates two counts published on the same day; it does not change their date.
LABEL_PLACES = {
    "icrc-1996-12-19": ((-138, -2), 0), "cnn-1996-12-20": ((-124, 40), 0), "cnn-1996-12-20-release": ((16, -34), 0),
    "cnn-1996-12-22": ((16, -10), 0), "ap-1996-12-23": ((-176, -16), 0), "time-1996-12-24-uruguay": ((-62, 16), 0),
    "ap-1996-12-26-hirata": ((-58, -64), -11), "ap-1996-12-26-guatemala": ((-26, 18), 11),
    "icrc-1996-12-26": ((14, -36), 0), "independent-1996-12-28": ((-10, -64), 0),
    "independent-1996-12-30": ((-60, 16), 0), "spokesman-review-1997-01-01": ((-30, -66), 0),
    "japan-times-1997-01-02": ((-20, -66), 0), "spokesman-review-1997-01-05": ((-20, 16), 0),
    "icrc-1997-01-08": ((-6, -66), 0), "cnn-1997-01-18": ((-30, 18), 0), "spokesman-review-1997-01-26": ((-4, -66), 0),
    "mofa-1997-02-01-press-conference": ((-30, 16), 0), "icrc-1997-02-20": ((-22, -60), 0),
    "ap-1997-04-22": ((-60, -60), 0),
}
START, BREAK, END = dt.date(1996, 12, 17), dt.date(1997, 1, 9), dt.date(1997, 4, 22)
BEFORE_BREAK = 0.62  # share of the width given to the first three weeks, when nearly all releases happened
SIZE = (1600, 1000)
TITLE = "Hostages still held, as the sources counted them"
SUBTITLE = ("Counts reported between 19 December 1996 and 22 April 1997, placed at their date of publication. "
            "Schematic chart: the time axis is drawn day by day to 9 January, then compressed.")
CREDIT = ("Sources: ICRC (19 and 26 Dec. 1996; 8 Jan. and 20 Feb. 1997); CNN (20 Dec. 1996, two reports; 22 Dec.; "
          "18 Jan. 1997); Associated Press (23, 26 Dec. 1996, two reports; 1, 5 and 26 Jan. and 22 Apr. 1997); Time "
          "(24 Dec. 1996); The Independent (28 and 30 Dec.); The Irish Times (30 Dec.); The Japan Times (2 Jan. 1997); "
          "Fujimori, as reported by Japan's Foreign Ministry (1 Feb.). The dotted line only joins the counts in order; it is not a continuous record.")


def read_counts() -> list[tuple[dt.date, int, bool, str, tuple[int, int], int]]:
    """(published, count, approximate, who counted, label offset, point nudge) for each count."""
    exhibit = load_exhibit(HERE.parent)
    if exhibit.log.errors:
        sys.exit("\n".join(str(error) for error in exhibit.log.errors))
    return [(c.date.first_day(), c.count, c.approximate, c.counted_by, *LABEL_PLACES[c.sources[0]])
            for c in exhibit.hostages_held]


def draw(fonts: Fonts) -> Image.Image:
    counts = read_counts()
    width, height = SIZE
    image = Image.new("RGB", SIZE, PAPER)
    pen = ImageDraw.Draw(image)
    left, right, top, bottom = 130, width - 70, 250, height - 230

    y = 40
    y = draw_lines(pen, (left - 60, y), [TITLE], fonts.get("title", 44), INK)
    font, lines = fit(SUBTITLE, fonts, "text", [24], width - left, 2)
    draw_lines(pen, (left - 60, y + 10), lines, font, INK_SOFT, leading=1.3)

    def x_of(day: dt.date) -> float:
        if day <= BREAK:
            share = (day - START).days / (BREAK - START).days * BEFORE_BREAK
        else:
            share = BEFORE_BREAK + (day - BREAK).days / (END - BREAK).days * (1 - BEFORE_BREAK)
        return left + share * (right - left)

    def y_of(count: int) -> float:
        return bottom - count / 400 * (bottom - top)

    small = fonts.get("text", 20)
    for count in range(0, 401, 100):
        pen.line([left, y_of(count), right, y_of(count)], fill=RULE, width=2)
        pen.text((left - 14, y_of(count)), str(count), font=small, fill=INK_SOFT, anchor="rm")
    ticks = ([dt.date(1996, 12, d) for d in (17, 20, 23, 26, 29)] + [dt.date(1997, 1, d) for d in (1, 5)] + [BREAK]
             + [dt.date(1997, m, 1) for m in (2, 3, 4)] + [END])
    for day in ticks:
        pen.line([x_of(day), bottom, x_of(day), bottom + 10], fill=INK_SOFT, width=2)
        label = f"{day.day} {day.strftime('%b')}" + (" 1997" if day == dt.date(1997, 1, 1) else "")
        pen.text((x_of(day), bottom + 16), label, font=small, fill=INK_SOFT, anchor="ma")
    pen.text((left, bottom + 48), "17 December 1996 to 9 January 1997: day by day", font=small, fill=INK_SOFT)
    pen.text((right, bottom + 48), "9 January to 22 April 1997: compressed", font=small, fill=INK_SOFT, anchor="ra")
    # Where the time axis changes scale: a faint rule through the chart, a break mark on the axis.
    bx = x_of(BREAK)
    for y in range(top, bottom, 16):
        pen.line([bx, y, bx, y + 8], fill=RULE, width=2)
    pen.rectangle([bx - 8, bottom - 12, bx + 8, bottom + 12], fill=PAPER)
    for offset in (-6, 6):
        pen.line([bx + offset - 6, bottom + 12, bx + offset + 6, bottom - 12], fill=INK_SOFT, width=2)
    pen.text((left - 92, top - 52), "Hostages", font=small, fill=INK_SOFT)

    points = [(x_of(day) + nudge, y_of(count)) for day, count, _a, _w, _o, nudge in counts]
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        steps = max(1, int(((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5 // 10))
        for i in range(0, steps, 2):
            pen.line([x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps,
                      x0 + (x1 - x0) * (i + 1) / steps, y0 + (y1 - y0) * (i + 1) / steps], fill=INK_SOFT, width=2)
    value_font, who_font = fonts.get("bold", 22), fonts.get("text", 18)
    for (x, y), (_day, count, approximate, who, (dx, dy), _nudge) in zip(points, counts):
        if approximate:
            pen.ellipse([x - 10, y - 10, x + 10, y + 10], fill=PAPER, outline=ACCENT, width=4)
        else:
            pen.ellipse([x - 10, y - 10, x + 10, y + 10], fill=ACCENT)
        pen.text((x + dx, y + dy), f"{'about ' if approximate else ''}{count}", font=value_font, fill=INK)
        pen.text((x + dx, y + dy + 25), who, font=who_font, fill=INK_SOFT)

    legend_y = height - 150
    pen.ellipse([left - 60, legend_y, left - 40, legend_y + 20], fill=ACCENT)
    pen.text((left - 30, legend_y + 10), "a count given exactly", font=small, fill=INK, anchor="lm")
    pen.ellipse([left + 250, legend_y, left + 270, legend_y + 20], fill=PAPER, outline=ACCENT, width=4)
    pen.text((left + 280, legend_y + 10), "a count given as “about” or “some”", font=small, fill=INK, anchor="lm")
    font, lines = fit(CREDIT, fonts, "text", [18], width - left + 10, 3)
    draw_lines(pen, (left - 60, legend_y + 40), lines, font, INK_SOFT, leading=1.35)
    return image


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "hostages-remaining.png"
    draw(Fonts.of_theme(HERE.parents[1] / "theme")).save(target, optimize=True)
    print(f"Wrote {target}")
