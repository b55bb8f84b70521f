"""Pick a person from the directory by typing a few letters of anything known about them.

Matching is on name, organization, title and email, by :func:`nextgen_tui.text.search.search`
(case and accents ignored; a name equal to what was typed first, then every typed word
found somewhere, then near misses: "jonh" still finds John). Enter takes the highlighted
line; near misses are listed under their own heading and never highlighted by themselves,
so enter adds one only after the user moved onto it. People already in the group
(``exclude``) are listed as such, and enter on them says so and adds nobody. At most
``SHOWN`` matches are listed, so each keystroke stays fast with thousands of people.
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

from nextgen_tui.text.search import search
from screens.common.context import store_of
from screens.common.lazy import push_lazy
from screens.common.modal import DismissOnce

#: How many matches the list shows at most.
SHOWN = 100
NEW_PERSON = "new-person"
NEAR_HEADING = "near-heading"


@dataclass(frozen=True)
class Candidate:
    person_id: int
    name: str
    prompt: Content
    haystack: str  # name, organization, title and email, one a line
    member: bool = False  # already in the group: listed, never added twice


class PersonPicker(DismissOnce, ModalScreen[int | None]):
    """Returns the picked person's id, or ``None`` when the convener backs out."""

    DEFAULT_CLASSES = "dialog-screen"
    DEFAULT_CSS = """
    PersonPicker > Vertical { width: 84; max-width: 100%; max-height: 90%; }
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
        group: str = "this group",
    ) -> None:
        """``exclude``: the people already in the group (listed as such, not pickable);
        ``group`` names the group in the messages about them."""
        super().__init__()
        self.title_text = title
        self.group = group
        self.exclude = set(exclude)
        self.only = None if only is None else set(only)
        self.candidates: list[Candidate] = []
        self._haystacks: list[str] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.title_text), id="picker-title", classes="dialog-title")
            yield Input(placeholder="Type a name, organization, title or email", id="picker-query")
            yield Static("", id="picker-count", markup=False)
            yield OptionList(id="picker-matches")

    def on_mount(self) -> None:
        store = store_of(self)
        orgs = {org.id: org for org in store.organizations(include_deleted=True)}
        for person in store.people():
            if self.only is not None and person.id not in self.only:
                continue
            member = person.id in self.exclude
            org = orgs.get(person.organization_id or 0)
            org_name = org.name if org else ""
            detail = ", ".join(part for part in (person.title, org_name) if part)
            prompt = Content.assemble(
                person.name,
                (f" — {detail}", "dim") if detail else "",
                (f"  (already in {self.group})", "italic") if member else "",
            )
            hay = "\n".join((person.name, org_name, person.title, person.email))
            self.candidates.append(Candidate(person.id, person.name, prompt, hay, member))
        self._haystacks = [c.haystack for c in self.candidates]
        self.show_matches("")
        self.query_one("#picker-query", Input).focus()

    def show_matches(self, query: str) -> None:
        found = search(query, self._haystacks, limit=SHOWN + 1)
        exact = found.exact[:SHOWN]
        near = found.near[: max(SHOWN - len(exact), 0)]
        options: list[Option] = [self._option(i) for i in exact]
        if near:
            heading = "Near matches (↓ to choose one):" if not exact else "Near matches:"
            options.append(Option(Content(heading), id=NEAR_HEADING, disabled=True))
            options += [self._option(i) for i in near]
        if self.only is None:
            typed = query.strip()
            label = f"+ New person “{typed}” (ctrl+n)" if typed else "+ New person (ctrl+n)"
            options.append(Option(Content(label), id=NEW_PERSON))
        matches = self.query_one("#picker-matches", OptionList)
        matches.set_options(options)
        # enter takes the highlighted line: a near miss only once the user moved onto it
        matches.highlighted = 0 if exact or not (near or query.strip()) else None
        total = len(self.candidates)
        shown = len(exact) + len(near)
        more = f" (showing the first {SHOWN}: keep typing)" if len(found.all) > SHOWN else ""
        if not query.strip():
            count = f"{total} {'person' if total == 1 else 'people'}"
        elif exact:
            count = f"{len(exact)} of {total} people match{more}"
        elif near:
            count = (
                f"Nobody matches exactly; {shown} near "
                f"{'match' if shown == 1 else 'matches'}: ↓ to choose one, ctrl+n to add new."
            )
        else:
            count = "Nobody matches. Press ctrl+n to add them as a new person."
        self.query_one("#picker-count", Static).update(Content(count))

    def _option(self, index: int) -> Option:
        candidate = self.candidates[index]
        return Option(candidate.prompt, id=f"p{candidate.person_id}")

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.show_matches(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        option = self.query_one("#picker-matches", OptionList).highlighted_option
        if option is not None:
            self._choose(option.id)
        elif event.value.strip():
            self.notify(
                f"Nobody is called “{event.value.strip()}”: press ↓ to choose a near match, "
                "or ctrl+n to add a new person.",
                severity="warning",
                markup=False,
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option.id)

    def _choose(self, option_id: str | None) -> None:
        if option_id == NEW_PERSON:
            self.action_new_person()
        elif option_id and option_id.startswith("p"):
            person_id = int(option_id[1:])
            if person_id in self.exclude:
                name = next(c.name for c in self.candidates if c.person_id == person_id)
                self.notify(
                    f"{name} is already in {self.group}; nobody was added.",
                    severity="warning",
                    markup=False,
                )
                return
            self._answer(person_id)

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
