"""The demo: a fresh registry of a fictional district built from
``examples/district/`` through the registry's own functions (``loaders``,
``fieldwork``, reading the CSV files with ``rows``), then the summary
(``summary``), eligibility, plan progress and the sample report files
(``sample_reports``) it shows; ``build`` ties them together."""
