"""dangdn: a registry of party and mass organisations in non-state enterprises.

The package is layered; a module imports only from its own layer or below:
``cli`` and ``commands`` (the command line) -> ``output`` (printing) ->
``demo`` -> ``reports`` (Word, Excel, Markdown) -> ``analysis`` (figures,
eligibility, progress, deadlines) and ``interchange`` (import, export) ->
``registry`` (the records and their history) -> the base: ``models``,
``vocabulary``, ``catalogue``, ``i18n``, ``errors``, ``validate``, ``clock``, ``db``.
"""

__version__ = "0.1.0"
