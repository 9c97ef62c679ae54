"""The demo: a fresh registry of a fictional district built from
``examples/district/`` through the registry's own functions, its fieldwork,
and the summary, eligibility, plan progress and sample reports it shows."""
