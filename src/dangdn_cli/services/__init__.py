"""Services: take a session or connection, return data; never print, never exit."""
