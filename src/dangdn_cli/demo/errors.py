"""The errors the demo raises beyond those of the base hierarchy: a bad row
of a fieldwork example file (same words as any bad example row).

``ExampleDataError``, ``UnknownExampleFile``, ``ExamplesMissing`` and
``RegistryNotEmpty`` still live in ``dangdn_cli.errors``."""

from __future__ import annotations

from dangdn_cli import errors


# A bad row of visits.csv, activities.csv, ratings.csv, awards.csv or models.csv,
# in the words of any bad example row.
class FieldworkExampleError(errors.ExampleDataError):
    vi = errors.ExampleDataError.vi
    en = errors.ExampleDataError.en
