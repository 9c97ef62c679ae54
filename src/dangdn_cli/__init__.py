"""dangdn: a registry of party and mass organisations in non-state enterprises."""

__version__ = "0.1.0"
