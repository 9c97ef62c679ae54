"""Answers computed from the registry, set-based: the report's figures and
their breakdowns, who qualifies to found an organisation and why (with
forecasts and joint cells), progress against plans, report periods, and
the deadlines still ahead. Nothing here writes to the registry."""
