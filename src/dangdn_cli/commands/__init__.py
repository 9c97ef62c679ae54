"""Command groups: each parses options, calls one service function, prints."""
