"""Pick a person from the directory by typing a few letters of anything known about them.

Matching is on name, organization, title and email, by :func:`nextgen_tui.search.rank`
(every typed word found somewhere first, then near misses: "jonh" still finds John).
At most ``SHOWN`` matches are listed, so each keystroke stays fast with thousands of
people.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from nextgen_tui.text.search import rank
from screens.common.context import store_of
from screens.common.lazy import push_lazy
from screens.common.modal import DismissOnce

#: How many matches the list shows at most.
SHOWN = 100
NEW_PERSON = "new-person"


@dataclass(frozen=True)
class Candidate:
    person_id: int
    name: str
    prompt: Content
    haystack: str  # casefolded name, organization, title and email


class PersonPicker(DismissOnce, ModalScreen[int | None]):
    """Returns the picked person's id, or ``None`` when the convener backs out."""

    DEFAULT_CSS = """
    PersonPicker { align: center middle; }
    PersonPicker > Vertical {
        width: 84; max-width: 100%; height: auto; max-height: 90%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    PersonPicker #picker-title { text-style: bold; padding: 0 1; }
    PersonPicker #picker-count { color: $text-muted; padding: 0 1; }
    PersonPicker #picker-matches { height: auto; max-height: 20; }
    """

    BINDINGS = [
        Binding(
            "escape", "cancel", "Cancel", tooltip="Close without picking anyone", id="picker.cancel"
        ),
        Binding(
            "ctrl+n",
            "new_person",
            "New person",
            tooltip="Add a new person with the typed name and pick them",
            id="picker.new",
        ),
        Binding(
            "down",
            "move(1)",
            "Next",
            show=False,
            tooltip="Highlight the next match",
            id="picker.down",
        ),
        Binding(
            "up",
            "move(-1)",
            "Previous",
            show=False,
            tooltip="Highlight the previous match",
            id="picker.up",
        ),
    ]

    def __init__(
        self,
        title: str,
        *,
        exclude: set[int] | frozenset[int] = frozenset(),
        only: set[int] | None = None,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.exclude = set(exclude)
        self.only = None if only is None else set(only)
        self.candidates: list[Candidate] = []
        self._haystacks: list[str] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.title_text), id="picker-title")
            yield Input(placeholder="Type a name, organization, title or email", id="picker-query")
            yield Static("", id="picker-count", markup=False)
            yield OptionList(id="picker-matches")

    def on_mount(self) -> None:
        store = store_of(self)
        orgs = {org.id: org for org in store.organizations(include_deleted=True)}
        for person in store.people():
            if person.id in self.exclude or (self.only is not None and person.id not in self.only):
                continue
            org = orgs.get(person.organization_id or 0)
            org_name = org.name if org else ""
            detail = ", ".join(part for part in (person.title, org_name) if part)
            prompt = Content.assemble(person.name, (f" — {detail}", "dim") if detail else "")
            hay = "\n".join((person.name, org_name, person.title, person.email)).casefold()
            self.candidates.append(Candidate(person.id, person.name, prompt, hay))
        self._haystacks = [c.haystack for c in self.candidates]
        self.show_matches("")
        self.query_one("#picker-query", Input).focus()

    def show_matches(self, query: str) -> None:
        found = rank(query, self._haystacks)
        options: list[Option] = [
            Option(self.candidates[i].prompt, id=f"p{self.candidates[i].person_id}")
            for i in found[:SHOWN]
        ]
        if self.only is None:
            typed = query.strip()
            label = f"+ New person “{typed}” (ctrl+n)" if typed else "+ New person (ctrl+n)"
            options.append(Option(Content(label), id=NEW_PERSON))
        matches = self.query_one("#picker-matches", OptionList)
        matches.set_options(options)
        matches.highlighted = 0 if options else None
        total = len(self.candidates)
        if not query.strip():
            count = f"{total} {'person' if total == 1 else 'people'}"
        elif found:
            more = f" (showing the first {SHOWN}: keep typing)" if len(found) > SHOWN else ""
            count = f"{len(found)} of {total} people match{more}"
        else:
            count = "Nobody matches. Press ctrl+n to add them as a new person."
        self.query_one("#picker-count", Static).update(Content(count))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.show_matches(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        option = self.query_one("#picker-matches", OptionList).highlighted_option
        if option is not None:
            self._choose(option.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option.id)

    def _choose(self, option_id: str | None) -> None:
        if option_id == NEW_PERSON:
            self.action_new_person()
        elif option_id:
            self._answer(int(option_id[1:]))

    def _answer(self, person_id: int | None) -> None:
        """Close with ``person_id``, once: a second enter queued behind the first is ignored."""
        if self.is_active:
            self.dismiss(person_id)

    def action_move(self, step: int) -> None:
        matches = self.query_one("#picker-matches", OptionList)
        if step > 0:
            matches.action_cursor_down()
        else:
            matches.action_cursor_up()

    def action_cancel(self) -> None:
        self._answer(None)

    def action_new_person(self) -> None:
        if self.only is not None:
            self.notify("Pick one of the people listed here.", severity="warning", markup=False)
            return
        typed = self.query_one("#picker-query", Input).value.strip()

        def form() -> ModalScreen[Any]:
            from screens.directory.person_form import PersonForm

            return PersonForm(name=typed)

        def created(result: Any) -> None:
            person_id = getattr(result, "id", result)
            if isinstance(person_id, int) and person_id:
                self._answer(person_id)

        push_lazy(self, form, created)
