"""Sheets in and out: the columns officers' sheets use (as data) and the cell
parsers, reading CSV and Excel files, importing enterprises, members and
organisations in one checked transaction, and exporting them back in the
same columns."""
