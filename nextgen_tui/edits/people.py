"""A person saved together with the new organization typed in their form."""

from __future__ import annotations

from nextgen_tui.models import Organization, Person
from nextgen_tui.store.repository import Store


def save_person_with_org(store: Store, person: Person, org: Organization) -> Person:
    """Create ``org`` and save ``person`` in it: one write and one undo step, or nothing."""
    label = f"{'Edit' if person.id else 'Add'} person {person.name}"
    with store.transaction(label):
        created = store.save_organization(org)
        return store.save_person(person.updated(organization_id=created.id))
