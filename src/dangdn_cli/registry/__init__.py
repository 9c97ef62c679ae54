"""The registry: every record and its history, one module per aggregate
(enterprises, organisations, people and memberships, candidates, plans and
cadres, outreach visits, activities, recognition, rules, the profile and the
file itself), each writing its changes with an audit row. ``history`` builds
the as-of queries (what was in force on a day) and ``refs`` finds a record by
the key a person types. Functions take a session and return plain data."""
