"""The command line: one module per command group (``enterprise``, ``org``,
``report``…). A command parses its options, calls one function of the
layers below, and prints with ``output``; no command imports another, and
what they share (common options, the transaction) is in ``_common``."""
