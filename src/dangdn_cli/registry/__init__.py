"""The registry: every record and its history, one module per aggregate
(enterprises, organisations, people and their employment, memberships,
candidates, plans and cadres, outreach visits, activities, recognition,
rules, the profile and the file itself), each writing its changes with an
audit row (``audit``); ``erasure`` removes a person and scrubs the log of
them. ``history`` builds the as-of queries (what was in force on a day),
``refs`` finds a record by the key a person types, and ``errors`` holds the
errors only the registry raises. Functions take a session and return plain
data."""
