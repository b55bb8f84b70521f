"""The toolkit guide of one stage (key ``i`` on a stage view, or the palette): who is at the
table, the public partners' role and industry's role, and beside each statement whether
this partnership meets it, with the rule that checks it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from nextgen_tui.gaps.catalogue import Gap
from nextgen_tui.lifecycle.guide import ATTRIBUTION, CheckedStatement, guide_for
from nextgen_tui.models import Stage
from screens.common.modal import DismissOnce

_MARK = {
    "met": ("✔", "$text-success", "met"),
    "unmet": ("✖", "$text-error", "not met"),
    "advice": ("·", "$text-muted", "advice"),
}


def statement_line(item: CheckedStatement) -> Content:
    """``✔ met  Two to six champions ...  (checked by: champions-too-few)``."""
    mark, style, word = _MARK[item.verdict]
    rules = f"  ({item.rule_text})" if item.rule_text else ""
    return Content.from_markup(
        f"[{style}]$mark $word[/]  $text[$text-muted]$rules[/]",
        mark=mark,
        word=word,
        text=item.statement.text,
        rules=rules,
    )


def guide_content(stage: Stage, gaps: list[Gap], partnership: str) -> Content:
    """The whole guide of ``stage`` as one block of text."""
    lines = [
        Content.from_markup(
            "[b]$stage: the toolkit's guide[/], checked against $name",
            stage=f"{stage.number} {stage.label}",
            name=partnership,
        ),
    ]
    for title, statements in guide_for(stage, gaps):
        lines.append(Content(""))
        lines.append(Content.from_markup("[b $accent]$title[/]", title=title))
        lines += [statement_line(item) for item in statements]
    lines += [Content(""), Content.from_markup("[$text-muted]$text[/]", text=ATTRIBUTION)]
    return Content("\n").join(lines)


class GuideScreen(DismissOnce, ModalScreen[None]):
    """One stage's guide; ``1``-``4`` show another stage's, escape closes."""

    DEFAULT_CLASSES = "dialog-screen"
    DEFAULT_CSS = """
    GuideScreen > Vertical { width: 100; max-width: 100%; max-height: 100%; }
    GuideScreen VerticalScroll { height: auto; max-height: 1fr; }
    GuideScreen #guide-hint { color: $text-muted; dock: bottom; }
    """

    BINDINGS = [
        Binding("escape", "dismiss", "Close", tooltip="Close the guide", id="guide.close"),
        Binding("i", "dismiss", "Close", show=False, tooltip="Close the guide", id="guide.close_i"),
        *(
            Binding(
                str(stage.number),
                f"show({stage.number})",
                stage.label,
                tooltip=f"The {stage.label} stage's guide",
                id=f"guide.stage_{stage.value}",
            )
            for stage in Stage
        ),
    ]

    def __init__(self, stage: Stage, gaps: list[Gap], partnership: str) -> None:
        super().__init__()
        self.stage = stage
        self.gaps = gaps
        self.partnership = partnership

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            with VerticalScroll():
                yield Static(self._content(), id="guide-text")
            yield Static(Content("1-4 another stage's guide · escape closes"), id="guide-hint")

    def _content(self) -> Content:
        return guide_content(self.stage, self.gaps, self.partnership)

    def action_show(self, number: int) -> None:
        self.stage = list(Stage)[number - 1]
        self.query_one("#guide-text", Static).update(self._content())
